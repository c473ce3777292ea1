#include "app/cli/texttable.h"

#include <algorithm>

namespace tokenroute::cli {

TextTable::TextTable(std::vector<Column> columns)
    : m_columns(std::move(columns))
{
}

void TextTable::add(std::vector<std::string> row)
{
    row.resize(m_columns.size());
    m_rows.push_back(std::move(row));
}

void TextTable::print(std::ostream &out, const std::string &indent) const
{
    std::vector<std::size_t> width(m_columns.size());
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        width[c] = m_columns[c].title.size();
        for (const auto &row : m_rows)
            width[c] = std::max(width[c], row[c].size());
    }
    auto line = [&](auto cell) {
        std::string s = indent;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const std::string text = cell(c);
            const std::string pad(width[c] - text.size(), ' ');
            s += (c ? "  " : "") + (m_columns[c].numeric ? pad + text : text + pad);
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        out << s << '\n';
    };
    line([&](std::size_t c) { return m_columns[c].title; });
    for (const auto &row : m_rows)
        line([&](std::size_t c) { return row[c]; });
}

} // namespace tokenroute::cli
