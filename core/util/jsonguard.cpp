#include "core/util/jsonguard.h"

namespace tokenroute {

JsonNumberOverflow locateNumberOverflow(const std::string &text, const std::string &what)
{
    JsonNumberOverflow o;
    const auto open = what.rfind('\'', what.size() >= 1 ? what.size() - 2 : 0);
    const auto close = what.rfind('\'');
    if (open == std::string::npos || close == std::string::npos || close <= open)
        return o;
    o.literal = what.substr(open + 1, close - open - 1);
    // The literal must stand alone: not inside a longer number such as 21e400.
    for (auto at = text.find(o.literal); at != std::string::npos; at = text.find(o.literal, at + 1)) {
        const char before = at > 0 ? text[at - 1] : ' ';
        if ((before >= '0' && before <= '9') || before == '.' || before == '-' || before == '+')
            continue;
        o.byte = at;
        break;
    }
    return o;
}

} // namespace tokenroute
