#pragma once
// The router's and the tagger's reasons in the interface's language. The core hands its reasons
// over as codes with values (core/route/reasons.h, core/route/tags.h) and words them in English
// for the command line; the window words the same codes here, through tr(), so that a routing
// tooltip, a tag chip and the report read in the user's language. Same facts and numbers as the
// core's sentences, one function per kind of reason; in English the core's sentences themselves.

#include <string>

#include <QString>

#include "core/route/reasons.h"
#include "core/route/tags.h"

namespace tokenroute::ui {

QString reasonText(const Finding &finding);
QString reasonText(const Binding &binding, const std::string &workload);
QString reasonText(const Alternative &alternative, const std::string &workload);
QString reasonText(const TagReason &reason);

} // namespace tokenroute::ui
