#include "core/util/error.h"

namespace tokenroute {

namespace {
std::string compose(const std::string &file, const std::string &where, const std::string &problem)
{
    std::string s = file;
    if (!where.empty())
        s += s.empty() ? where : ": " + where;
    s += s.empty() ? problem : ": " + problem;
    return s;
}
} // namespace

InputError::InputError(std::string file, std::string where, std::string problem)
    : std::runtime_error(compose(file, where, problem))
    , m_file(std::move(file))
    , m_where(std::move(where))
    , m_problem(std::move(problem))
{
}

} // namespace tokenroute
