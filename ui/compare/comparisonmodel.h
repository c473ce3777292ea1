#pragma once
// The comparison as a table: one row per figure, the two plans' values, the change from the first
// to the second (with its sign) and whether that is better or worse — said in words in its own
// column and tinted with the palette's colours, so it reads without colour too. The same rows
// are written out as CSV.

#include <vector>

#include <QAbstractTableModel>

#include "ui/compare/plancomparison.h"

namespace tokenroute::ui {

class ComparisonModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)

public:
    enum Column { FigureColumn, WorkloadColumn, UnitColumn, AColumn, BColumn, ChangeColumn, ChangePercentColumn, VerdictColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, VerdictRole };

    explicit ComparisonModel(QObject *parent = nullptr);

    void setComparison(const QString &labelA, const QString &labelB, std::vector<ComparisonRow> rows);
    const std::vector<ComparisonRow> &comparison() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The table as text rows (header first) for CSV: figures unformatted ("1234.5"), so that a
    // spreadsheet reads them as numbers whatever the locale of the window.
    QList<QStringList> csvRows() const;

    static QString verdictText(Verdict verdict);

private:
    QString m_labelA;
    QString m_labelB;
    std::vector<ComparisonRow> m_rows;
};

} // namespace tokenroute::ui
