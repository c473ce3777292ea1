#pragma once
// A tab whose view is not built yet. It says plainly what the view will show and which command
// gives the same data today, so the window never shows invented figures in its place.

#include <QWidget>

class QLabel;

namespace tokenroute::ui {

struct PlaceholderText {
    QString title;        // "Routing"
    QString willShow;     // what the finished view shows
    QString command;      // a tokenroute-cli command line giving the data today; empty if none
    QString commandNote;  // what that command prints, or why there is none yet
};

class PlaceholderView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderView)

public:
    PlaceholderView(const QString &iconName, PlaceholderText text, QWidget *parent = nullptr);

    const PlaceholderText &text() const { return m_text; }
    // The command lines mention PLAN; show the open plan's path instead.
    void setPlanPath(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QString m_iconName;
    PlaceholderText m_text;
    QString m_planPath;
    QLabel *m_icon;
    QLabel *m_body;
};

} // namespace tokenroute::ui
