#include "ui/document/planrecovery.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include "core/plan/planio.h"
#include "ui/plandocument.h"

namespace tokenroute::ui {

namespace {
// Once a minute: at most a minute of work lost, and writing a plan (a few kB of SQLite) that often
// costs nothing noticeable.
constexpr int AutosaveIntervalMs = 60 * 1000;
const QString Suffix = QStringLiteral(".trplan");
const QString LockSuffix = QStringLiteral(".lock");
} // namespace

PlanRecovery::PlanRecovery(PlanDocument *document, QString directory, QObject *parent)
    : QObject(parent), m_document(document), m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{
    QDir().mkpath(m_directory);
    const QString stem = QStringLiteral("autosave-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_path = QDir(m_directory).filePath(stem + Suffix);
    m_lock = std::make_unique<QLockFile>(m_path + LockSuffix);
    m_lock->setStaleLockTime(0); // stale only when the owning process is gone, never by age
    m_lock->tryLock(0);

    m_timer.setInterval(AutosaveIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PlanRecovery::autosave);
    m_timer.start();
    // A save makes the plan clean: its recovery copy is then only a stale duplicate.
    connect(document->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            discard();
    });
}

PlanRecovery::~PlanRecovery()
{
    discard();
}

QString PlanRecovery::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

bool PlanRecovery::autosave()
{
    if (!m_document->isModified()) {
        discard();
        return true;
    }
    // Written beside the file and renamed over it, so a crash mid-write leaves the last good copy.
    const QString temp = m_path + QStringLiteral(".part");
    QFile::remove(temp);
    try {
        savePlanSqlite(m_document->plan(), temp.toStdString());
    } catch (const std::exception &) {
        QFile::remove(temp);
        return false;
    }
    QFile::remove(m_path);
    return QFile::rename(temp, m_path);
}

void PlanRecovery::discard()
{
    QFile::remove(m_path);
    QFile::remove(m_path + QStringLiteral(".part"));
}

QStringList PlanRecovery::orphans() const
{
    const QDir dir(m_directory);
    QFileInfoList files = dir.entryInfoList({QStringLiteral("*") + Suffix}, QDir::Files);
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() > b.lastModified(); });
    QStringList out;
    for (const QFileInfo &f : files) {
        if (f.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
            continue;
        // A live window holds its lock; a lock we can take belonged to a process that is gone.
        QLockFile lock(f.absoluteFilePath() + LockSuffix);
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        out << f.absoluteFilePath();
    }
    return out;
}

void PlanRecovery::recover(const QString &orphanPath)
{
    Plan plan = loadPlan(orphanPath.toStdString());
    m_document->reset(std::move(plan));
    // The recovered plan is not saved anywhere the user chose: it stays modified until it is.
    m_document->undoStack()->resetClean();
    QFile::remove(orphanPath);
    QFile::remove(orphanPath + LockSuffix);
    autosave();
}

} // namespace tokenroute::ui
