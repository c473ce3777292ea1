#include "ui/racks/rackdesigner.h"

#include <QAction>
#include <QCursor>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include "core/plan/placement.h"
#include "ui/icons.h"
#include "ui/plandocument.h"
#include "ui/racks/linkdialog.h"
#include "ui/racks/poollistmodel.h"
#include "ui/racks/rackeditor.h"
#include "ui/racks/rackinspector.h"
#include "ui/racks/rackpalette.h"
#include "ui/racks/rackpropertiesdialog.h"
#include "ui/racks/rackscene.h"
#include "ui/racks/rackview.h"

namespace tokenroute::ui {

namespace {

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(4, 6, 4, 2);
    return label;
}

} // namespace

RackDesigner::RackDesigner(PlanDocument *document, const Catalog *catalog, QWidget *parent)
    : QWidget(parent)
    , m_editor(new RackEditor(document, catalog, this))
    , m_scene(new RackScene(m_editor, this))
    , m_view(new RackView(m_scene, this))
    , m_palette(new RackPalette(catalog, this))
    , m_poolModel(new PoolListModel(m_editor, this))
    , m_poolList(new QListView(this))
    , m_inspector(new RackInspector(m_scene, this))
    , m_message(new QLabel(this))
    , m_messageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("rackDesigner"));

    // The toolbar fits the centre pane of a 1280-pixel projector: zoom as Fit, −, +; the rack's own
    // actions behind one Rack menu; the edits on the selection last.
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *fit = toolbar->addAction(tr("Zoom to Fit"), m_view, &RackView::zoomToFit);
    fit->setToolTip(tr("Show every rack (Ctrl+0)"));
    toolbar->addAction(tr("−"), this, [this] { m_view->zoomBy(1 / 1.2); })->setToolTip(tr("Zoom out (- or the wheel)"));
    toolbar->addAction(tr("+"), this, [this] { m_view->zoomBy(1.2); })->setToolTip(tr("Zoom in (+ or the wheel)"));
    toolbar->addSeparator();
    QAction *links = toolbar->addAction(themedIcon(QStringLiteral("link")), tr("Links"));
    links->setCheckable(true);
    links->setChecked(true);
    links->setToolTip(tr("Show the links between servers and switches"));
    connect(links, &QAction::toggled, m_scene, &RackScene::setLinksShown);
    toolbar->addSeparator();
    // Rack presets: 48U liquid at 120 kW holds the catalogue's GB200 NVL72 (120 kW); 60 kW liquid
    // suits four 8-GPU HGX nodes at 10.2 kW each with headroom; 30 and 15 kW are typical of high-
    // and mid-density air-cooled racks (estimates, as are the demo plan's budgets).
    auto *rackButton = new QToolButton(toolbar);
    rackButton->setObjectName(QStringLiteral("rackMenuButton"));
    rackButton->setText(tr("Rack"));
    rackButton->setToolTip(tr("Add a rack, or change or delete the selected one"));
    rackButton->setPopupMode(QToolButton::InstantPopup);
    auto *rackMenu = new QMenu(rackButton);
    struct Preset {
        QString text;
        int units;
        double kw;
        Cooling cooling;
    };
    const Preset presets[] = {
        {tr("Add 48U, liquid-cooled, 120 kW"), 48, 120, Cooling::Liquid},
        {tr("Add 48U, liquid-cooled, 60 kW"), 48, 60, Cooling::Liquid},
        {tr("Add 42U, air-cooled, 30 kW"), 42, 30, Cooling::Air},
        {tr("Add 42U, air-cooled, 15 kW"), 42, 15, Cooling::Air},
    };
    for (const Preset &preset : presets)
        rackMenu->addAction(preset.text, this, [this, preset] {
            const Rack *selected = m_editor->document()->plan().rack(m_scene->selectedRackId());
            m_editor->addRack(preset.units, preset.kw, preset.cooling, selected ? selected->row : 0);
        });
    rackMenu->addSeparator();
    m_rackPropertiesAction = rackMenu->addAction(tr("Rack &Properties…"), this, [this] { editRack(); });
    m_rackPropertiesAction->setToolTip(tr("Change the selected rack's name, size, power budget and cooling"));
    rackMenu->addAction(tr("&Delete Rack"), this, [this] { m_editor->removeRack(m_scene->selectedRackId()); })
        ->setToolTip(tr("Delete the selected rack and everything in it"));
    rackMenu->setToolTipsVisible(true);
    rackButton->setMenu(rackMenu);
    toolbar->addWidget(rackButton);
    toolbar->addSeparator();
    m_connectAction = toolbar->addAction(themedIcon(QStringLiteral("link")), tr("Connect…"), this, [this] { connectSelection(); });
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    // The shortcut belongs to this tab: another tab may give Ctrl+L its own meaning.
    m_connectAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_connectAction->setToolTip(tr("Link the two selected items: choose the link type and lanes (Ctrl+L)"));
    addAction(m_connectAction);
    toolbar->addAction(tr("Duplicate"), this, [this] { m_scene->selectItems(m_editor->duplicate(m_scene->selectedItemIds())); })
        ->setToolTip(tr("Duplicate the selection (Ctrl+D)"));
    toolbar->addAction(tr("Delete"), this, [this] { m_editor->deleteSelection(m_scene->selectedItemIds(), m_scene->selectedLinkIds()); })
        ->setToolTip(tr("Delete the selected items and links (Del)"));

    m_poolList->setObjectName(QStringLiteral("rackPoolList"));
    m_poolList->setModel(m_poolModel);
    m_poolList->setDragDropMode(QAbstractItemView::DropOnly);
    m_poolList->setAcceptDrops(true);
    m_poolList->setDropIndicatorShown(true);
    m_poolList->setIconSize(QSize(16, 16));
    m_poolList->setToolTip(tr("Drop servers on a pool to assign them to it"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    leftLayout->addWidget(sectionTitle(tr("Catalogue — drag into a rack"), left));
    leftLayout->addWidget(m_palette, 3);
    leftLayout->addWidget(sectionTitle(tr("Pools — drop servers to assign"), left));
    leftLayout->addWidget(m_poolList, 1);

    m_message->setObjectName(QStringLiteral("rackMessage"));
    m_message->setContentsMargins(8, 4, 8, 4);
    m_message->setMinimumHeight(m_message->fontMetrics().height() + 10);
    m_message->setTextFormat(Qt::PlainText);
    // A long reason wraps onto a second line rather than widening the window past a projector's
    // 1280 pixels.
    m_message->setWordWrap(true);
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(toolbar);
    centreLayout->addWidget(m_view, 1);
    centreLayout->addWidget(m_message);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(centre);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    // Narrow sides leave the elevations most of a 1280-pixel screen; the sides keep their width
    // when the window grows (stretch 0), the elevations take the rest.
    splitter->setSizes({280, 1000, 300});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_messageTimer->setSingleShot(true);
    connect(m_messageTimer, &QTimer::timeout, this, [this] { showMessage(QString(), false); });
    connect(m_scene, &RackScene::hint, this, &RackDesigner::showMessage);
    connect(m_editor, &RackEditor::refused, this, [this](const QString &reason) {
        showMessage(reason, true);
        if (isVisible())
            QToolTip::showText(QCursor::pos(), reason, m_view);
    });
    connect(m_editor, &RackEditor::done, this, [this](const QString &text) { showMessage(text, false); });
    showMessage(QString(), false);
    connect(m_palette, &RackPalette::placeRequested, this, &RackDesigner::placeInSelectedRack);
    connect(m_scene, &RackScene::connectRequested, this, [this] { connectSelection(); });
    connect(m_scene, &RackScene::editRackRequested, this, [this](int rackId) { editRack(rackId); });
    connect(m_inspector, &RackInspector::editRackRequested, this, [this](int rackId) { editRack(rackId); });
    connect(m_inspector, &RackInspector::deleteLinkRequested, this, [this](int linkId) { m_editor->deleteLinks({linkId}); });
    connect(document, &PlanDocument::changed, this, [this](const PlanChange &change) {
        if (change.kind == PlanChange::Kind::Reset)
            m_view->zoomToFit();
    });
}

QString RackDesigner::message() const
{
    return m_message->text();
}

void RackDesigner::showMessage(const QString &text, bool refused)
{
    // With nothing to report, the line teaches the gestures instead.
    if (text.isEmpty()) {
        m_message->setText(tr("Drag from the catalogue into a rack or onto a pool · Del deletes · Ctrl+D duplicates · "
                              "Ctrl+L links two items · ↑/↓ move one U · right-click a rack to edit it"));
        m_message->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
        m_messageTimer->stop();
        return;
    }
    m_message->setText(text);
    // Refusals stand out in the red of the bars' over-limit state; they stay until the next
    // gesture, other messages fade after a few seconds.
    m_message->setStyleSheet(refused && !text.isEmpty()
                                 ? QStringLiteral("QLabel { background: #fbe3e1; color: #8a1c14; font-weight: bold; }")
                                 : QString());
    if (!refused && !text.isEmpty())
        m_messageTimer->start(6000);
    else
        m_messageTimer->stop();
}

bool RackDesigner::placeInSelectedRack(const QString &catalogId)
{
    const Plan &plan = m_editor->document()->plan();
    int rackId = m_scene->selectedRackId();
    if (!rackId && !plan.racks.empty())
        rackId = plan.racks.front().id;
    const int height = unitHeightOf(*m_editor->catalog(), catalogId.toStdString());
    const std::optional<int> u = findFreeU(plan, *m_editor->catalog(), rackId, height);
    if (!u) {
        const Rack *rack = plan.rack(rackId);
        emit m_editor->refused(rack ? tr("%1 has no %2U gap free.").arg(QString::fromStdString(rack->name)).arg(height)
                                    : tr("Add a rack first."));
        return false;
    }
    const std::optional<int> id = m_editor->placeNew(catalogId, rackId, *u);
    if (id)
        m_scene->selectItems({*id});
    return id.has_value();
}

std::optional<int> RackDesigner::connectSelection()
{
    const QList<int> ids = m_scene->selectedItemIds();
    if (ids.size() != 2) {
        emit m_editor->refused(tr("Select two items to connect: click one, then Ctrl+click the other (%n selected).", "",
                                  int(ids.size())));
        return std::nullopt;
    }
    // Refusals that no choice in the dialog can cure (a PDU, an item linked to itself) are told at
    // once instead of behind a dialog whose OK stays grey.
    const QString reason = m_editor->previewEndpoints(ids[0], ids[1]);
    if (!reason.isEmpty()) {
        emit m_editor->refused(reason);
        return std::nullopt;
    }
    LinkDialog dialog(m_editor, ids[0], ids[1], this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    m_scene->selectItems(ids);
    return dialog.createdLinkId();
}

bool RackDesigner::editRack(int rackId)
{
    if (!rackId)
        rackId = m_scene->selectedRackId();
    if (!m_editor->document()->plan().rack(rackId)) {
        emit m_editor->refused(tr("Select a rack first: click it or an item in it."));
        return false;
    }
    RackPropertiesDialog dialog(m_editor, rackId, this);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace tokenroute::ui
