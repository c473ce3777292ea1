#pragma once
// The rules a workload must satisfy before an edit is accepted: numbers that make no sense
// (negative rates, a p90 below its mean, a reuse fraction outside 0..1, an SLO of zero or less)
// are refused with a sentence the user can act on, rather than fed to the evaluation, where they
// would surface later as a baffling estimate.

#include <QString>

#include "core/plan/plan.h"

namespace tokenroute::ui {

// Empty when the workload is acceptable; otherwise the first problem, translated.
QString workloadProblem(const Workload &workload);

} // namespace tokenroute::ui
