#include "ui/workloads/workloadeditor.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/icons.h"
#include "ui/plandocument.h"
#include "ui/workloads/tagchipdelegate.h"
#include "ui/workloads/workloadtablemodel.h"
#include "ui/workloads/workloadvaluedelegate.h"

namespace tokenroute::ui {

namespace {

// The estimate column in two lines: the route, then TTFT/TPOT with their bands and the price.
class EstimateDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString route = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QString detail = index.data(WorkloadTableModel::DetailRole).toString();
        const QRect r = option.rect.adjusted(6, 2, -6, -2);
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(text);
        const QRect top(r.left(), r.top(), r.width(), r.height() / 2);
        const QRect bottom(r.left(), r.top() + r.height() / 2, r.width(), r.height() - r.height() / 2);
        painter->drawText(detail.isEmpty() ? r : top, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(route, Qt::ElideRight, r.width()));
        if (!detail.isEmpty()) {
            painter->setFont(option.font);
            QColor dim = text;
            dim.setAlphaF(selected ? 0.9f : 0.7f);
            painter->setPen(dim);
            painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(detail, Qt::ElideRight, r.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString detail = index.data(WorkloadTableModel::DetailRole).toString();
        return {std::max(option.fontMetrics.horizontalAdvance(detail), option.fontMetrics.horizontalAdvance(index.data().toString())) + 16,
                option.fontMetrics.height() * 2 + 8};
    }
};

} // namespace

WorkloadEditor::WorkloadEditor(PlanDocument *document, const Catalog *catalog, LiveEvaluation *evaluation, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_model(new WorkloadTableModel(document, catalog, evaluation, this)),
      m_table(new QTableView(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("workloadEditor"));

    auto *toolBar = new QToolBar(this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *presetMenu = new QMenu(this);
    for (const WorkloadPreset &p : catalog->presets) {
        QAction *a = presetMenu->addAction(QString::fromStdString(p.name));
        a->setToolTip(QString::fromStdString(p.description));
        const QString id = QString::fromStdString(p.id);
        connect(a, &QAction::triggered, this, [this, id] {
            const int row = m_model->addFromPreset(id);
            if (row >= 0)
                m_table->selectRow(row);
        });
    }
    auto *addButton = new QToolButton(this);
    addButton->setText(tr("Add from Preset"));
    addButton->setIcon(themedIcon(QStringLiteral("preset")));
    addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addButton->setPopupMode(QToolButton::InstantPopup);
    addButton->setMenu(presetMenu);
    addButton->setObjectName(QStringLiteral("addWorkloadButton"));
    toolBar->addWidget(addButton);

    m_duplicateAction = toolBar->addAction(themedIcon(QStringLiteral("workload")), tr("Duplicate"));
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicateAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty()) {
            const int row = m_model->duplicate(rows.first());
            if (row >= 0)
                m_table->selectRow(row);
        }
    });
    m_deleteAction = toolBar->addAction(tr("Delete"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, [this] { m_model->remove(selectedRows()); });
    m_importAction = toolBar->addAction(themedIcon(QStringLiteral("import")), tr("Import config.json…"));
    m_importAction->setToolTip(tr("Import a Hugging Face config.json as the selected workload's model"));
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty())
            importForRow(rows.first());
    });
    addActions({m_duplicateAction, m_deleteAction});

    m_table->setObjectName(QStringLiteral("workloadTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setMouseTracking(true);
    auto *values = new WorkloadValueDelegate(this);
    m_table->setItemDelegate(values);
    m_table->setItemDelegateForColumn(WorkloadTableModel::TagsColumn, new TagChipDelegate(this));
    m_table->setItemDelegateForColumn(WorkloadTableModel::EstimateColumn, new EstimateDelegate(this));
    connect(values, &WorkloadValueDelegate::importRequested, this, &WorkloadEditor::importForRow);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WorkloadTableModel::EstimateColumn, QHeaderView::Stretch);
    // Tags carry the table's message, so they sit beside the model rather than past the SLO columns
    // where a 1280 px window would hide them; the model's column order stays what files and tests use.
    header->moveSection(header->visualIndex(WorkloadTableModel::TagsColumn), WorkloadTableModel::ModelColumn + 1);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_message->setObjectName(QStringLiteral("workloadMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("QLabel { background: #fbe3d4; color: #5a2600; border-left: 4px solid #d55e00; padding: 6px; }"));
    m_message->hide();
    connect(m_model, &WorkloadTableModel::editRefused, this, &WorkloadEditor::showMessage);
    // A successful edit clears the last refusal: it no longer describes the plan.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] { m_message->hide(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WorkloadEditor::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WorkloadEditor::updateActions);
    updateActions();
}

QString WorkloadEditor::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void WorkloadEditor::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

QList<int> WorkloadEditor::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex().row();
    return rows;
}

void WorkloadEditor::updateActions()
{
    const bool any = !selectedRows().isEmpty();
    m_duplicateAction->setEnabled(any);
    m_deleteAction->setEnabled(any);
    m_importAction->setEnabled(any);
}

void WorkloadEditor::importForRow(int row)
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Hugging Face config.json"), QString(),
                                                      tr("Model config (config.json *.json);;All files (*)"));
    if (!path.isEmpty())
        m_model->importModel(row, path);
}

} // namespace tokenroute::ui
