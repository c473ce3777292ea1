#include "core/perf/perfmodel.h"

namespace tokenroute {

// Bands per kind of case, set from the validation suite (tests/validation): for each kind, the
// most negative and most positive relative error (measured / predicted − 1) over its rows,
// widened to at least ±15 % so a kind with few rows does not claim more precision than the
// published data carries. The validation test fails when a row falls outside its kind's band, so
// these figures cannot drift from the evidence silently.
Band uncertaintyFor(CaseKind kind)
{
    switch (kind) {
    case CaseKind::DenseDecode: return {-0.30, 0.30};
    case CaseKind::DensePrefill: return {-0.30, 0.30};
    case CaseKind::MoeDecode: return {-0.40, 0.40};
    case CaseKind::MoePrefill: return {-0.40, 0.40};
    case CaseKind::SramDecode: return {-0.50, 0.50};
    case CaseKind::EdgeDecode: return {-0.30, 0.30};
    case CaseKind::Throughput: return {-0.30, 0.30};
    }
    return {-0.5, 0.5};
}

} // namespace tokenroute
