#pragma once
// Request traces: the public formats the simulator replays, read as a stream so that a trace far
// larger than memory costs one line at a time. Each reader yields TraceRequest values in arrival
// order; a malformed line is skipped and counted (its line number and reason kept for the first
// few), or, in strict mode, stops the read with an InputError naming the file and line.
//
// Formats (field names as the publishers spell them):
//   Mooncake jsonl   {"timestamp": ms, "input_length": n, "output_length": n, "hash_ids": [..]}
//                    one hash id per 512-token block; each id hashes its block and all before it,
//                    so equal ids at equal positions mean a reusable KV prefix.
//   Azure LLM CSV    TIMESTAMP (YYYY-MM-DD HH:MM:SS[.fffffff]), ContextTokens, GeneratedTokens
//   BurstGPT CSV     Timestamp (s), Model, Request tokens, Response tokens, Total tokens, Log Type
// Timestamps are turned into seconds from the first request. A timestamp earlier than the one
// before it cannot be honoured by a streaming replay: it is clamped to the previous one and
// counted (or fatal in strict mode), so replays stay in order without sorting the file.

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tokenroute {

enum class TraceFormat { Mooncake, Azure, BurstGpt };
std::string toString(TraceFormat f);
std::optional<TraceFormat> traceFormatFromString(const std::string &s);

// Looks at the first non-empty line: '{' means Mooncake, a header naming TIMESTAMP means Azure, one
// naming "Request tokens" means BurstGPT. Throws InputError when none matches or the file is unreadable.
TraceFormat detectTraceFormat(const std::string &path);

// Tokens per hash id in Mooncake traces (checked against every row of the public files:
// len(hash_ids) == ceil(input_length / 512)).
inline constexpr int kMooncakeBlockTokens = 512;

struct TraceRequest {
    double arrivalS = 0;               // seconds from the first request of the source
    int inputTokens = 0;
    int outputTokens = 0;
    std::vector<std::uint64_t> blocks; // prefix-block hash ids; empty when the source has none
    int blockTokens = kMooncakeBlockTokens;
    long long id = 0;                  // sequence number within the source, from 0
};

// Anything that yields requests in arrival order: a trace reader or a generator.
class RequestSource {
public:
    virtual ~RequestSource() = default;
    // Fills `out` and returns true, or returns false at the end.
    virtual bool next(TraceRequest &out) = 0;
};

struct TraceReadOptions {
    bool strict = false;               // a malformed or out-of-order line is an InputError
    long long limit = 0;               // stop after this many requests; 0 = all
    double timeScale = 1.0;            // arrival times are multiplied by this (0.5 = twice as fast)
    std::string model;                 // BurstGPT: keep only rows of this model; empty = all
    bool skipFailed = false;           // BurstGPT: drop rows with zero response tokens (failed requests)
    // The longest line kept in memory. A longer line is read past without being stored and is
    // malformed (skipped, or an InputError in strict mode), so a file with no newlines costs this
    // much memory, not its size. The public traces' lines are under 8 KB (a Mooncake line carries
    // one hash id per 512 tokens: a 1M-token prompt is about 2 000 ids, 16 KB).
    std::size_t maxLineBytes = std::size_t(1) << 20;
};

// A skipped line and why; the reader keeps the first few for the message shown to the user.
struct SkippedLine {
    long long line = 0;
    std::string reason;
};

class TraceReader final : public RequestSource {
public:
    TraceReader(std::string path, TraceFormat format, TraceReadOptions options = {});
    ~TraceReader() override;

    bool next(TraceRequest &out) override;

    const std::string &path() const { return m_path; }
    TraceFormat format() const { return m_format; }
    long long linesRead() const { return m_line; }
    long long requestsRead() const { return m_requests; }
    long long skippedLines() const { return m_skipped; }
    long long filteredLines() const { return m_filtered; }  // rows dropped on purpose (model, failed)
    long long reorderedLines() const { return m_reordered; } // timestamps clamped to keep order
    const std::vector<SkippedLine> &firstSkipped() const { return m_firstSkipped; }

private:
    enum class Parse { Ok, Skip, Filtered };
    Parse parseMooncake(const std::string &line, TraceRequest &out, double &stamp, std::string &why);
    Parse parseCsv(const std::string &line, TraceRequest &out, double &stamp, std::string &why);
    void readHeader();
    void skip(const std::string &why);
    bool readLine(std::string &line);  // false at the end; a line over maxLineBytes comes back flagged

    std::string m_path;
    TraceFormat m_format;
    TraceReadOptions m_options;
    std::ifstream m_in;
    std::vector<char> m_buffer;
    std::string m_lineText;
    std::vector<char> m_lineBuffer;    // the chunk lines are read through (a line may take several)
    bool m_lineTooLong = false;
    long long m_line = 0;
    long long m_requests = 0;
    long long m_skipped = 0;
    long long m_filtered = 0;
    long long m_reordered = 0;
    std::vector<SkippedLine> m_firstSkipped;
    std::optional<double> m_firstStamp;
    std::optional<long long> m_baseSeconds;  // Azure: whole seconds of the first row
    double m_lastArrival = 0;
    // CSV column positions, found from the header row.
    int m_colTime = -1, m_colInput = -1, m_colOutput = -1, m_colModel = -1, m_colColumns = 0;
};

// Seconds since 1970-01-01 of "YYYY-MM-DD HH:MM:SS[.f...]" (any number of fractional digits);
// nullopt when the text is not such a time stamp.
std::optional<double> parseDateTimeSeconds(const std::string &text);
// The same, as whole seconds and the fraction apart (full precision for relative times).
std::optional<std::pair<long long, double>> parseDateTimeParts(const std::string &text);

} // namespace tokenroute
