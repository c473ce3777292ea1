#pragma once
// Tables as CSV (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it
// holds a comma, a quote, CR or LF, with its quotes doubled. The text is UTF-8 without a byte-order
// mark. parseCsv reads the same dialect back, so an exported table can be checked by a round trip.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tokenroute::ui {

QString csvField(const QString &field);
QByteArray toCsv(const QList<QStringList> &rows);
// Throws std::runtime_error on an unterminated quoted field.
QList<QStringList> parseCsv(const QByteArray &csv);

// Writes through a temporary file renamed into place, so a failed write leaves no partial table.
bool writeCsv(const QString &path, const QList<QStringList> &rows);

} // namespace tokenroute::ui
