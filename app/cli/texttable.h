#pragma once
// A plain text table for the CLI: a header row, then rows; numeric columns are right-aligned and
// trailing spaces are trimmed, so the output diffs cleanly.

#include <ostream>
#include <string>
#include <vector>

namespace tokenroute::cli {

class TextTable {
public:
    struct Column {
        std::string title;
        bool numeric = false;
    };

    explicit TextTable(std::vector<Column> columns);

    void add(std::vector<std::string> row);
    void print(std::ostream &out, const std::string &indent = {}) const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace tokenroute::cli
