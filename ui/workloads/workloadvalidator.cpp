#include "ui/workloads/workloadvalidator.h"

#include <cmath>

#include <QCoreApplication>

namespace tokenroute::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("tokenroute::ui::WorkloadValidator", text);
}
} // namespace

QString workloadProblem(const Workload &w)
{
    for (double v : {w.ratePerS, w.inputMean, w.inputP90, w.outputMean, w.outputP90, w.prefixReuse, w.ttftSloMs, w.tpotSloMs})
        if (!std::isfinite(v))
            return tr("Every number must be finite.");
    if (QString::fromStdString(w.name).trimmed().isEmpty())
        return tr("A workload needs a name.");
    if (w.modelId.empty())
        return tr("A workload needs a model.");
    if (w.ratePerS < 0)
        return tr("The arrival rate cannot be negative (%1 requests/s).").arg(w.ratePerS);
    if (w.inputMean <= 0 || w.outputMean <= 0)
        return tr("Mean input and output lengths must be at least one token.");
    // The p90 of a length distribution is never below its mean for the right-skewed lengths seen
    // in practice; a lower p90 is almost always the two fields swapped.
    if (w.inputP90 < w.inputMean)
        return tr("The input p90 (%1 tokens) cannot be below its mean (%2 tokens).").arg(w.inputP90).arg(w.inputMean);
    if (w.outputP90 < w.outputMean)
        return tr("The output p90 (%1 tokens) cannot be below its mean (%2 tokens).").arg(w.outputP90).arg(w.outputMean);
    if (w.prefixReuse < 0 || w.prefixReuse > 1)
        return tr("Prefix reuse is a fraction between 0 and 1 (got %1).").arg(w.prefixReuse);
    if (w.ttftSloMs <= 0)
        return tr("The TTFT SLO must be more than 0 ms.");
    if (w.tpotSloMs <= 0)
        return tr("The TPOT SLO must be more than 0 ms.");
    return {};
}

} // namespace tokenroute::ui
