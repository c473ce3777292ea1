#pragma once
// Number formatting shared by every view, so one figure looks the same in the tree, the details
// pane and the status bar: locale-aware, no more digits than the data carries.

#include <QString>

namespace tokenroute::ui {

// Up to `decimals` decimals, trailing zeros dropped, locale group separators: 1,979 / 4.8 / 0.25.
QString formatNumber(double value, int decimals = 2);
// 70.6 B, 8.03 B, 596 M (parameter and token counts).
QString formatCount(double value);
// 1.0 MiB / 320 KiB per token (binary units: KV cache sizes are powers of two in practice).
QString formatBytes(double bytes);

// A file path as the user would type it: relative to the working directory when the file is
// below it ("data/plans/demo.json"), otherwise absolute; native separators.
QString displayPath(const QString &path);

} // namespace tokenroute::ui
