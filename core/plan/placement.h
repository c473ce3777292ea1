#pragma once
// Where an item may go in a rack, and what a rack carries. The rack designer, the CLI and the
// tests all ask the same questions — does this 8U server fit at U 41 of a 42U rack, does it overlap
// the switch above, how many kilowatts does the rack draw against its budget — so the answers live
// here, in plain C++ over the Plan and the Catalog, rather than inside a graphics item.
//
// A refusal is structured (a problem code plus the numbers that explain it) so each front end turns
// it into its own translated sentence.

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"

namespace tokenroute {

enum class PlacementProblem {
    None,
    UnknownRack,         // rackId names no rack in the plan
    UnknownCatalogItem,  // catalogId names nothing in the catalogue
    BelowBottom,         // uPosition < 1
    AboveTop,            // uPosition + height - 1 > rack units
    Overlap,             // shares a unit with another item
};

struct PlacementCheck {
    PlacementProblem problem = PlacementProblem::None;
    int rackUnits = 0;      // the rack's height, for AboveTop
    int itemHeight = 0;     // the item's height in U
    int otherItemId = 0;    // Overlap: the first item in the way
    int firstClashU = 0;    // Overlap: the lowest unit both would occupy

    bool ok() const { return problem == PlacementProblem::None; }
};

// Checks whether an item of catalogue id `catalogId` may sit in `rackId` with its lowest unit at
// `uPosition`. Items whose ids are in `ignoreItemIds` do not count as obstacles: a moving item does
// not collide with where it is now, nor with the others moving with it.
PlacementCheck checkPlacement(const Plan &plan, const Catalog &catalog, const std::string &catalogId, int rackId,
                              int uPosition, const std::vector<int> &ignoreItemIds = {});

// Height in U of a catalogue item; 1 when the catalogue does not know it (so an unknown item still
// occupies, and is drawn in, one unit rather than vanishing).
int unitHeightOf(const Catalog &catalog, const std::string &catalogId);

// The lowest position in the rack where an item of `height` U fits, scanning upward from
// `preferredU` and then from the bottom; nullopt when the rack has no such gap.
std::optional<int> findFreeU(const Plan &plan, const Catalog &catalog, int rackId, int height, int preferredU = 1,
                             const std::vector<int> &ignoreItemIds = {});

struct RackLoad {
    int unitsUsed = 0;
    int units = 0;
    double powerW = 0;          // sum of the items' maximum draw
    double powerBudgetW = 0;    // 0 = no budget stated
    double weightKg = 0;
    double maxWeightKg = 0;     // 0 = no limit stated
    int unknownItems = 0;       // items whose catalogue id is not in the catalogue (counted as 1U, 0 W)
};

RackLoad rackLoad(const Plan &plan, const Catalog &catalog, int rackId);

// How close a figure is to its limit. Near starts at 80 % of the limit: a branch circuit should
// carry no more than 80 % of its rating continuously (US NEC 210.19(A)/210.20(A)), and data centre
// operators commonly apply the same margin to rack power and floor load. Over is above 100 %.
enum class LoadLevel { Ok, Near, Over };
inline constexpr double NearLimitFraction = 0.8;
// limit <= 0 means "no limit stated": always Ok.
LoadLevel loadLevel(double used, double limit);

} // namespace tokenroute
