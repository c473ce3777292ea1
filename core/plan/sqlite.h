#pragma once
// A thin RAII layer over the sqlite3 C API, just wide enough for the plan store: a connection that
// closes itself, prepared statements that finalise themselves and bind by position, and a
// transaction that rolls back in its destructor unless it was committed. Keeping it this small
// (rather than linking a full wrapper library) keeps every SQL call visible at its use site, and
// every failure becomes a SqliteError carrying SQLite's own message and result code, so the plan
// store can turn it into an InputError naming the file when the fault lies in the file.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace tokenroute::sqlite {

class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, const std::string &message);
    int code() const noexcept { return m_code; }       // primary result code (SQLITE_CORRUPT, ...)

private:
    int m_code;
};

enum class OpenMode { ReadOnly, ReadWrite, Create };

class Database final {
public:
    // Opens path (":memory:" for a private in-memory database). Throws SqliteError.
    Database(const std::string &path, OpenMode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }

    // Runs one or more statements without results (schema scripts, PRAGMAs that return nothing).
    void exec(const std::string &sql);

    // A PRAGMA or query that yields a single integer / text value in its first row.
    std::int64_t queryInt(const std::string &sql);
    std::string queryText(const std::string &sql);

    // Sets journal_mode=WAL and checks that SQLite really switched (it silently stays in the old
    // mode on some file systems and for in-memory databases).
    bool enableWal();

    // Copies the whole database into `target` (sqlite3_backup), used to migrate an old file in
    // memory when it is only being read.
    void copyTo(Database &target);

    std::int64_t lastInsertRowId() const;

private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
};

class Statement final {
public:
    Statement(Database &db, const std::string &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binding is 1-based like SQLite's; each returns *this so a row binds in one expression.
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const std::string &value);
    Statement &bindNull(int index);

    // Advances to the next row; false when done. Throws SqliteError on failure.
    bool step();
    // Executes a statement that returns no rows, then resets it so it can be bound again.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    // The declared storage class of the value in this row (SQLITE_INTEGER, SQLITE_FLOAT, ...),
    // checked by the store so that a hand-edited file with text in a numeric column is reported.
    int columnType(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

class Transaction final {
public:
    // BEGIN IMMEDIATE takes the write lock up front, so a busy database fails here (after the busy
    // timeout) rather than half-way through a save.
    explicit Transaction(Database &db);
    ~Transaction();              // rolls back unless commit() succeeded; never throws
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace tokenroute::sqlite
