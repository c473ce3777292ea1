#include "resources/resources.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE must be used outside any namespace: it declares the rcc-generated function.
static void initTokenRouteResources()
{
    Q_INIT_RESOURCE(tokenroute);
}

namespace tokenroute {

void initResources()
{
    initTokenRouteResources();
}

} // namespace tokenroute
