#include "core/plan/sqlite.h"

#include <sqlite3.h>

namespace tokenroute::sqlite {

namespace {

// Long enough for the GUI's autosave and a CLI command appending a result to take turns, short
// enough that a stuck lock is reported instead of hanging the program.
constexpr int kBusyTimeoutMs = 5000;

constexpr const char *kBeginSql = "BEGIN IMMEDIATE";
constexpr const char *kCommitSql = "COMMIT";
constexpr const char *kRollbackSql = "ROLLBACK";
constexpr const char *kWalSql = "PRAGMA journal_mode=WAL";

[[noreturn]] void fail(sqlite3 *db, int code, const std::string &what)
{
    const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqliteError(code & 0xff, what + ": " + (msg ? msg : sqlite3_errstr(code)));
}

} // namespace

SqliteError::SqliteError(int code, const std::string &message)
    : std::runtime_error(message)
    , m_code(code)
{
}

Database::Database(const std::string &path, OpenMode mode)
    : m_path(path)
{
    int flags = SQLITE_OPEN_READONLY;
    if (mode == OpenMode::ReadWrite)
        flags = SQLITE_OPEN_READWRITE;
    else if (mode == OpenMode::Create)
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw SqliteError(rc & 0xff, "cannot open: " + msg);
    }
    sqlite3_extended_result_codes(m_db, 0);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
}

Database::~Database()
{
    // close_v2 defers the close until every statement is finalised, so destruction order within
    // the store never leaks a handle.
    sqlite3_close_v2(m_db);
}

void Database::exec(const std::string &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqliteError(rc & 0xff, msg);
    }
}

std::int64_t Database::queryInt(const std::string &sql)
{
    Statement st(*this, sql);
    if (!st.step())
        throw SqliteError(SQLITE_ERROR, "no row from: " + sql);
    return st.columnInt(0);
}

std::string Database::queryText(const std::string &sql)
{
    Statement st(*this, sql);
    if (!st.step())
        throw SqliteError(SQLITE_ERROR, "no row from: " + sql);
    return st.columnText(0);
}

bool Database::enableWal()
{
    return queryText(kWalSql) == "wal";
}

void Database::copyTo(Database &target)
{
    sqlite3_backup *backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!backup)
        fail(target.m_db, sqlite3_errcode(target.m_db), "cannot copy database");
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        fail(m_db, rc, "cannot copy database");
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

Statement::Statement(Database &db, const std::string &sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db.handle(), rc, "cannot prepare statement");
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db.handle(), rc, "cannot bind value");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db.handle(), rc, "cannot bind value");
    return *this;
}

Statement &Statement::bind(int index, const std::string &value)
{
    const int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(m_db.handle(), rc, "cannot bind value");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        fail(m_db.handle(), rc, "cannot bind value");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db.handle(), rc, "statement failed");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

int Statement::columnType(int column) const
{
    return sqlite3_column_type(m_stmt, column);
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_db.exec(kBeginSql);
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // A failed rollback (the connection is already gone) must not escape a destructor.
    sqlite3_exec(m_db.handle(), kRollbackSql, nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.exec(kCommitSql);
    m_done = true;
}

} // namespace tokenroute::sqlite
