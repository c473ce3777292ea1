#pragma once
// Crash recovery for the open plan. While the document has unsaved changes, its plan is written
// every minute (and on demand) to a recovery file under AppDataLocation/recovery, in the native
// SQLite form so that recovery reads it with the same code as any plan. Each running window holds
// a QLockFile beside its recovery file; on the next start, a recovery file whose lock is stale
// (its process is gone) is a crash's leftover and is offered for recovery. A clean save, a
// discard on close and a normal exit remove the file.

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

#include "core/plan/plan.h"

namespace tokenroute::ui {

class PlanDocument;

class PlanRecovery final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanRecovery)

public:
    // directory empty: QStandardPaths::AppDataLocation + "/recovery".
    explicit PlanRecovery(PlanDocument *document, QString directory = {}, QObject *parent = nullptr);
    ~PlanRecovery() override;

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString recoveryPath() const { return m_path; }
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

    // Write the recovery file now when the plan has unsaved changes (the timer calls this);
    // remove it when it has none. Returns false when writing failed (the previous file stays).
    bool autosave();
    // Remove this window's recovery file (saved, discarded, closed normally).
    void discard();

    // Recovery files left by windows that are no longer running, newest first.
    QStringList orphans() const;
    // Read an orphan into the document (as an unsaved, modified plan) and delete the file.
    // Throws InputError when it cannot be read; the file is then kept for a later attempt.
    void recover(const QString &orphanPath);

private:
    PlanDocument *m_document;
    QString m_directory;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
};

} // namespace tokenroute::ui
