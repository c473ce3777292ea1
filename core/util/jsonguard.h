#pragma once
// Where a JSON number too large for a double sits in a document. nlohmann's parser reports such a
// number (1e400) as an out_of_range exception that carries the literal but not its position, unlike
// a syntax error; the readers turn it into an InputError with the line, like every other bad input.
// (Deep nesting needs no guard here: the parser and the value's destructor both keep their own
// stacks rather than recursing, which test_hostile checks at 100 000 levels.)
#include <cstddef>
#include <string>

namespace tokenroute {

struct JsonNumberOverflow {
    std::string literal;   // the number as written, e.g. "1e400"
    std::size_t byte = 0;  // offset of its first occurrence in the text (0 when not found)
};

// `what` is the exception's message ("... number overflow parsing '1e400'").
JsonNumberOverflow locateNumberOverflow(const std::string &text, const std::string &what);

} // namespace tokenroute
