#include "core/route/routeproblem.h"

#include <algorithm>

namespace tokenroute {

bool RouteWorkload::has(Tag t) const { return std::find(tags.begin(), tags.end(), t) != tags.end(); }

const RoutePool *RouteProblem::pool(int id) const
{
    for (const RoutePool &p : pools)
        if (p.id == id)
            return &p;
    return nullptr;
}

int RouteProblem::poolIndex(int id) const
{
    for (size_t i = 0; i < pools.size(); ++i)
        if (pools[i].id == id)
            return static_cast<int>(i);
    return -1;
}

const RouteLink *RouteProblem::link(int id) const
{
    for (const RouteLink &l : links)
        if (l.id == id)
            return &l;
    return nullptr;
}

const RoutePath *RouteProblem::path(int fromPool, int toPool) const
{
    for (const RoutePath &p : paths)
        if (p.fromPool == fromPool && p.toPool == toPool)
            return &p;
    return nullptr;
}

} // namespace tokenroute
