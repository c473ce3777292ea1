#pragma once
// Errors that cross the core's boundary. Every reader (catalogue, plan, HF config, traces) reports
// *where* (file, line or JSON field path) and *what was expected*, so that a front end can show a
// precise message and a test can check it. The core never prints and never exits.

#include <stdexcept>
#include <string>

namespace tokenroute {

class InputError : public std::runtime_error {
public:
    // file: the path or a label such as "<plan json>"; where: a field path ("accelerators[3].memory_gb")
    // or "line 17"; expected: what a valid value looks like ("a positive number").
    InputError(std::string file, std::string where, std::string problem);

    const std::string &file() const noexcept { return m_file; }
    const std::string &where() const noexcept { return m_where; }
    const std::string &problem() const noexcept { return m_problem; }

private:
    std::string m_file;
    std::string m_where;
    std::string m_problem;
};

} // namespace tokenroute
