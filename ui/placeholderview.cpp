#include "ui/placeholderview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/icons.h"

namespace tokenroute::ui {

PlaceholderView::PlaceholderView(const QString &iconName, PlaceholderText text, QWidget *parent)
    : QWidget(parent)
    , m_iconName(iconName)
    , m_text(std::move(text))
    , m_icon(new QLabel(this))
    , m_body(new QLabel(this))
{
    setObjectName(QStringLiteral("placeholderView"));
    m_body->setObjectName(QStringLiteral("placeholderBody"));
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setMaximumWidth(720);
    m_body->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_icon->setAlignment(Qt::AlignTop);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addSpacing(24);
    row->addWidget(m_body, 3);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 48, 32, 32);
    layout->addLayout(row);
    layout->addStretch(1);
    refresh();
}

void PlaceholderView::setPlanPath(const QString &path)
{
    m_planPath = path;
    refresh();
}

void PlaceholderView::changeEvent(QEvent *event)
{
    // Projector mode and palette switches change the font and colours the text was laid out with.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

void PlaceholderView::refresh()
{
    const int iconSize = fontMetrics().height() * 4;
    m_icon->setPixmap(themedIcon(m_iconName).pixmap(iconSize, iconSize, QIcon::Disabled));

    QString command = m_text.command;
    if (!m_planPath.isEmpty())
        command.replace(QStringLiteral("PLAN"), m_planPath);

    QString html = QStringLiteral("<h1>%1</h1>").arg(m_text.title.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b></p>").arg(tr("This view is not built yet.").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(m_text.willShow.toHtmlEscaped());
    if (!command.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("Today the same data comes from the command line:").toHtmlEscaped());
        html += QStringLiteral("<pre>  %1</pre>").arg(command.toHtmlEscaped());
    }
    if (!m_text.commandNote.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(m_text.commandNote.toHtmlEscaped());
    m_body->setText(html);
}

} // namespace tokenroute::ui
