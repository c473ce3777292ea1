#include "ui/tour/guidedtour.h"

#include <algorithm>

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/teaching/routingpage.h"

namespace tokenroute::ui {

namespace {
const QString SeenKey = QStringLiteral("tour/seen");
constexpr int Margin = 24;
constexpr int PanelWidth = 380;
} // namespace

QList<GuidedTour::Step> GuidedTour::steps()
{
    return {
        {tr("Racks"),
         tr("The demo plan has three racks: Rubin CPX servers for prefill, HGX H200 and Groq LPU servers for decode. "
            "Each server sits at its U position, coloured by its pool's role; power is shown against the rack's budget."),
         QStringLiteral("rackDesigner")},
        {tr("Workloads and tags"),
         tr("Workloads describe traffic: model, arrival rate, prompt and output lengths, prefix reuse and latency targets. "
            "Tags such as prefill-heavy, long context or interactive are derived from those figures and steer routing."),
         QStringLiteral("workloadEditor")},
        {tr("Routing flow"),
         tr("Each workload's prefill goes to compute-dense parts and its decode to bandwidth-rich ones; the KV cache "
            "travels between them. The routing view shows the flow, the share on each pool, and the reasons."),
         QStringLiteral("routingPage")},
        {tr("Teaching"),
         tr("Teaching mode follows one request: its prompt fills the prefill pool, its KV cache crosses the link, then "
            "decode emits one token per step, reading every weight each time. Space plays, the right arrow steps; "
            "Projector Mode (Ctrl+Shift+P) enlarges text for a room."),
         QStringLiteral("routingPage"), true},
        {tr("Costs"),
         tr("Dollars per million input and output tokens per workload, dollars per hour per pool, and energy per token. "
            "Every figure in the catalogue names its source or is marked as an estimate."),
         QStringLiteral("costsView")},
        {tr("Benchmarks"),
         tr("Measure prefill, decode and memory kernels on this machine and compare them with the catalogue's peak "
            "figures. Your edits go to your own copy of the demo plan; File > Save As keeps a new one."),
         QStringLiteral("benchPanel")},
    };
}

bool GuidedTour::shouldShow()
{
    return !QSettings().value(SeenKey, false).toBool();
}

GuidedTour *GuidedTour::start(QMainWindow *window, QTabWidget *views)
{
    auto *tour = new GuidedTour(window, views);
    tour->showStep(0);
    tour->show();
    tour->raise();
    tour->m_next->setFocus();
    return tour;
}

GuidedTour::GuidedTour(QMainWindow *window, QTabWidget *views)
    : QFrame(window), m_views(views), m_steps(steps())
{
    setObjectName(QStringLiteral("guidedTour"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFixedWidth(PanelWidth);

    m_counter = new QLabel(this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);

    auto *skip = new QPushButton(tr("Skip Tour"), this);
    m_back = new QPushButton(tr("Back"), this);
    m_next = new QPushButton(this);
    m_next->setDefault(true);
    connect(skip, &QPushButton::clicked, this, &GuidedTour::dismiss);
    connect(m_back, &QPushButton::clicked, this, &GuidedTour::back);
    connect(m_next, &QPushButton::clicked, this, &GuidedTour::next);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(skip);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_counter);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    // Follow the window's size so the panel stays in its corner.
    window->installEventFilter(this);
}

void GuidedTour::showStep(int step)
{
    m_step = std::clamp(step, 0, int(m_steps.size()) - 1);
    const Step &s = m_steps.at(m_step);
    m_counter->setText(tr("Tour: step %1 of %2").arg(m_step + 1).arg(m_steps.size()));
    m_title->setText(s.title);
    m_text->setText(s.text);
    m_back->setEnabled(m_step > 0);
    m_next->setText(m_step + 1 < m_steps.size() ? tr("Next") : tr("Finish"));
    if (m_views && !s.view.isEmpty()) {
        for (int i = 0; i < m_views->count(); ++i) {
            if (m_views->widget(i)->objectName() == s.view) {
                m_views->setCurrentIndex(i);
                if (auto *routing = qobject_cast<RoutingPage *>(m_views->widget(i)))
                    routing->setTeaching(s.teaching);
                break;
            }
        }
    }
    place();
}

void GuidedTour::next()
{
    if (m_step + 1 < m_steps.size())
        showStep(m_step + 1);
    else
        dismiss();
}

void GuidedTour::back()
{
    if (m_step > 0)
        showStep(m_step - 1);
}

void GuidedTour::dismiss()
{
    QSettings().setValue(SeenKey, true);
    emit dismissed();
    close();
}

bool GuidedTour::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        place();
    return QFrame::eventFilter(watched, event);
}

void GuidedTour::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QFrame::keyPressEvent(event);
}

void GuidedTour::place()
{
    auto *window = parentWidget();
    if (!window)
        return;
    adjustSize();
    move(window->width() - width() - Margin, window->height() - height() - Margin);
}

} // namespace tokenroute::ui
