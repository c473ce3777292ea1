#include "core/sim/trace.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/util/error.h"

namespace tokenroute {

namespace {

// Keep this many skipped lines with their reason: enough to show the pattern of a bad file
// without letting a file of garbage grow memory.
constexpr std::size_t kSkippedKept = 10;

std::string trim(const std::string &s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Splits one CSV record; double quotes protect commas and "" is a literal quote. Records that
// span lines (a newline inside quotes) do not occur in the trace formats and are not supported.
std::vector<std::string> splitCsv(const std::string &line)
{
    std::vector<std::string> out;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.push_back(trim(field));
            field.clear();
        } else {
            field += c;
        }
    }
    out.push_back(trim(field));
    return out;
}

std::optional<double> parseNumber(const std::string &s)
{
    if (s.empty())
        return std::nullopt;
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// A field as quoted in a message: a 16 MB field must not become a 16 MB error.
std::string quoted(const std::string &s)
{
    constexpr std::size_t kShown = 40;
    return "'" + (s.size() <= kShown ? s : s.substr(0, kShown) + "... (" + std::to_string(s.size()) + " characters)") + "'";
}

// A token count: a whole, non-negative number that fits an int.
bool parseCount(const std::string &s, int &out, std::string &why, const char *field)
{
    auto v = parseNumber(s);
    if (!v) {
        why = std::string(field) + ": expected a whole number, got " + quoted(s);
        return false;
    }
    if (*v < 0) {
        why = std::string(field) + ": negative length " + quoted(s);
        return false;
    }
    if (*v != std::floor(*v) || *v > std::numeric_limits<int>::max()) {
        why = std::string(field) + ": expected a whole number of tokens, got " + s;
        return false;
    }
    out = static_cast<int>(*v);
    return true;
}

// Days from 1970-01-01 to a proleptic Gregorian date (the usual era-based civil calendar count).
long long daysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

} // namespace

std::string toString(TraceFormat f)
{
    switch (f) {
    case TraceFormat::Mooncake: return "mooncake";
    case TraceFormat::Azure: return "azure";
    case TraceFormat::BurstGpt: return "burstgpt";
    }
    return "mooncake";
}

std::optional<TraceFormat> traceFormatFromString(const std::string &s)
{
    const std::string l = lower(s);
    if (l == "mooncake")
        return TraceFormat::Mooncake;
    if (l == "azure")
        return TraceFormat::Azure;
    if (l == "burstgpt")
        return TraceFormat::BurstGpt;
    return std::nullopt;
}

std::optional<double> parseDateTimeSeconds(const std::string &text)
{
    const auto parts = parseDateTimeParts(text);
    if (!parts)
        return std::nullopt;
    return static_cast<double>(parts->first) + parts->second;
}

// Whole seconds since 1970 and the fraction apart: a double holding both would keep only about
// 0.2 µs of resolution at today's epoch offsets, so relative times are formed from the parts.
std::optional<std::pair<long long, double>> parseDateTimeParts(const std::string &text)
{
    const std::string s = trim(text);
    // YYYY-MM-DD HH:MM:SS is 19 characters; 'T' is accepted in place of the space (ISO 8601).
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':'
        || s[16] != ':')
        return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len, int &out) {
        auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
        return ec == std::errc() && p == s.data() + pos + len;
    };
    int y, mo, d, h, mi, se;
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) || !num(17, 2, se))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return std::nullopt;
    double frac = 0;
    if (s.size() > 19) {
        if (s[19] != '.' || s.size() == 20)
            return std::nullopt;
        double scale = 0.1;
        for (std::size_t i = 20; i < s.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i])))
                return std::nullopt;
            frac += (s[i] - '0') * scale;
            scale /= 10;
        }
    }
    const long long days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return std::make_pair(days * 86400 + h * 3600 + mi * 60 + se, frac);
}

// Reads one line of at most `cap` bytes into `line`, in chunks through `chunk`, never holding more
// than cap bytes of it: a longer line is consumed to its newline without being stored and reported
// as LineRead::TooLong. istream::getline into the chunk sets failbit without eofbit when the chunk
// filled before a newline, which is how a line that continues is told apart from one that ended.
enum class LineRead { Ok, End, TooLong };

LineRead readCappedLine(std::istream &in, std::string &line, std::vector<char> &chunk, std::size_t cap)
{
    line.clear();
    if (chunk.size() < 2)
        chunk.resize(std::size_t(16) << 10);
    bool any = false;
    for (;;) {
        in.getline(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (in.bad())
            return LineRead::End;
        if (in.fail() && !in.eof()) {
            // The chunk filled before the line ended: keep it (within the cap) and read on.
            in.clear();
            any = true;
            if (line.size() + got > cap) {
                in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
                line.clear();
                return LineRead::TooLong;
            }
            line.append(chunk.data(), got);
            continue;
        }
        if (in.fail())  // at the end with nothing more extracted (eof stays set for the next call)
            return any ? LineRead::Ok : LineRead::End;
        // Without eof the newline was extracted and counted but not stored.
        const std::size_t stored = got - (in.eof() ? 0 : 1);
        if (line.size() + stored > cap) {
            line.clear();
            return LineRead::TooLong;
        }
        line.append(chunk.data(), stored);
        return LineRead::Ok;
    }
}

std::string tooLongMessage(std::size_t cap)
{
    return "line longer than " + std::to_string(cap) + " bytes (the most one request's line may take)";
}

TraceFormat detectTraceFormat(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "", "cannot open the trace file");
    std::string line;
    std::vector<char> buffer;
    const std::size_t cap = TraceReadOptions{}.maxLineBytes;
    long long number = 0;
    for (LineRead r; (r = readCappedLine(in, line, buffer, cap)) != LineRead::End;) {
        ++number;
        if (r == LineRead::TooLong)
            throw InputError(path, "line " + std::to_string(number), tooLongMessage(cap));
        std::string t = trim(line);
        if (t.rfind("\xEF\xBB\xBF", 0) == 0)
            t = t.substr(3);
        if (t.empty())
            continue;
        if (t[0] == '{')
            return TraceFormat::Mooncake;
        const std::string l = lower(t);
        if (l.find("request tokens") != std::string::npos)
            return TraceFormat::BurstGpt;
        if (l.find("contexttokens") != std::string::npos)
            return TraceFormat::Azure;
        throw InputError(path, "line 1",
                         "unknown trace format: expected Mooncake jsonl ('{' lines), an Azure CSV header "
                         "(TIMESTAMP,ContextTokens,GeneratedTokens) or a BurstGPT CSV header "
                         "(Timestamp,Model,Request tokens,...)");
    }
    throw InputError(path, "", "the trace is empty");
}

TraceReader::TraceReader(std::string path, TraceFormat format, TraceReadOptions options)
    : m_path(std::move(path))
    , m_format(format)
    , m_options(std::move(options))
    , m_buffer(1 << 16)
{
    if (!(m_options.timeScale > 0) || !std::isfinite(m_options.timeScale))
        throw InputError(m_path, "time scale", "expected a positive number");
    if (m_options.maxLineBytes == 0 || m_options.maxLineBytes > (std::size_t(1) << 30))
        throw InputError(m_path, "line limit", "expected 1 byte to 1 GiB per line");
    m_in.rdbuf()->pubsetbuf(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_in.open(m_path, std::ios::binary);
    if (!m_in)
        throw InputError(m_path, "", "cannot open the trace file");
    if (m_format != TraceFormat::Mooncake)
        readHeader();
}

TraceReader::~TraceReader() = default;

bool TraceReader::readLine(std::string &line)
{
    const LineRead r = readCappedLine(m_in, line, m_lineBuffer, m_options.maxLineBytes);
    m_lineTooLong = r == LineRead::TooLong;
    return r != LineRead::End;
}

void TraceReader::readHeader()
{
    std::string line;
    while (readLine(line)) {
        ++m_line;
        if (m_lineTooLong)
            throw InputError(m_path, "line " + std::to_string(m_line), tooLongMessage(m_options.maxLineBytes));
        std::string t = trim(line);
        if (m_line == 1 && t.rfind("\xEF\xBB\xBF", 0) == 0)
            t = t.substr(3);
        if (t.empty())
            continue;
        const auto cols = splitCsv(t);
        m_colColumns = static_cast<int>(cols.size());
        for (int i = 0; i < m_colColumns; ++i) {
            const std::string c = lower(cols[static_cast<std::size_t>(i)]);
            if (m_format == TraceFormat::Azure) {
                if (c == "timestamp") m_colTime = i;
                else if (c == "contexttokens") m_colInput = i;
                else if (c == "generatedtokens") m_colOutput = i;
            } else {
                if (c == "timestamp") m_colTime = i;
                else if (c == "request tokens") m_colInput = i;
                else if (c == "response tokens") m_colOutput = i;
                else if (c == "model") m_colModel = i;
            }
        }
        if (m_colTime < 0 || m_colInput < 0 || m_colOutput < 0) {
            const char *expected = m_format == TraceFormat::Azure
                ? "a header with TIMESTAMP, ContextTokens and GeneratedTokens"
                : "a header with Timestamp, Model, Request tokens and Response tokens";
            throw InputError(m_path, "line " + std::to_string(m_line), std::string("expected ") + expected);
        }
        return;
    }
    throw InputError(m_path, "", "the trace is empty (no header row)");
}

void TraceReader::skip(const std::string &why)
{
    if (m_options.strict)
        throw InputError(m_path, "line " + std::to_string(m_line), why);
    ++m_skipped;
    if (m_firstSkipped.size() < kSkippedKept)
        m_firstSkipped.push_back({m_line, why});
}

TraceReader::Parse TraceReader::parseMooncake(const std::string &line, TraceRequest &out, double &stamp,
                                              std::string &why)
{
    const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        why = "not a JSON object";
        return Parse::Skip;
    }
    auto field = [&](const char *name) -> const nlohmann::json * {
        auto it = j.find(name);
        return it == j.end() ? nullptr : &*it;
    };
    const auto *ts = field("timestamp");
    const auto *in = field("input_length");
    const auto *outLen = field("output_length");
    if (!ts || !ts->is_number()) {
        why = "timestamp: expected a number of milliseconds";
        return Parse::Skip;
    }
    if (!in || !in->is_number_integer()) {
        why = "input_length: expected a whole number";
        return Parse::Skip;
    }
    if (!outLen || !outLen->is_number_integer()) {
        why = "output_length: expected a whole number";
        return Parse::Skip;
    }
    const long long inputLen = in->get<long long>(), outputLen = outLen->get<long long>();
    if (inputLen < 0 || outputLen < 0) {
        why = inputLen < 0 ? "input_length: negative length" : "output_length: negative length";
        return Parse::Skip;
    }
    if (inputLen > std::numeric_limits<int>::max() || outputLen > std::numeric_limits<int>::max()) {
        why = "input_length/output_length: too large";
        return Parse::Skip;
    }
    stamp = ts->get<double>() / 1000.0;
    out.inputTokens = static_cast<int>(inputLen);
    out.outputTokens = static_cast<int>(outputLen);
    out.blockTokens = kMooncakeBlockTokens;
    out.blocks.clear();
    if (const auto *ids = field("hash_ids")) {
        if (!ids->is_array()) {
            why = "hash_ids: expected an array of whole numbers";
            return Parse::Skip;
        }
        out.blocks.reserve(ids->size());
        for (const auto &h : *ids) {
            if (!h.is_number_integer() || (h.is_number_integer() && !h.is_number_unsigned() && h.get<long long>() < 0)) {
                why = "hash_ids: expected non-negative whole numbers";
                return Parse::Skip;
            }
            out.blocks.push_back(h.get<std::uint64_t>());
        }
        const long long expected = (inputLen + kMooncakeBlockTokens - 1) / kMooncakeBlockTokens;
        if (static_cast<long long>(out.blocks.size()) > expected) {
            why = "hash_ids: " + std::to_string(out.blocks.size()) + " ids for " + std::to_string(inputLen)
                + " tokens (at most one per 512-token block)";
            return Parse::Skip;
        }
    }
    return Parse::Ok;
}

TraceReader::Parse TraceReader::parseCsv(const std::string &line, TraceRequest &out, double &stamp, std::string &why)
{
    const auto cols = splitCsv(line);
    const int need = std::max({m_colTime, m_colInput, m_colOutput, m_colModel}) + 1;
    if (static_cast<int>(cols.size()) < need) {
        why = "expected " + std::to_string(m_colColumns) + " columns, found " + std::to_string(cols.size());
        return Parse::Skip;
    }
    const std::string &t = cols[static_cast<std::size_t>(m_colTime)];
    if (m_format == TraceFormat::Azure) {
        auto s = parseDateTimeParts(t);
        if (!s) {
            why = "TIMESTAMP: expected YYYY-MM-DD HH:MM:SS[.fraction], got " + quoted(t);
            return Parse::Skip;
        }
        // Relative to the first row's whole second, so the fraction keeps its full precision.
        if (!m_baseSeconds)
            m_baseSeconds = s->first;
        stamp = static_cast<double>(s->first - *m_baseSeconds) + s->second;
    } else {
        auto s = parseNumber(t);
        if (!s) {
            why = "Timestamp: expected seconds, got " + quoted(t);
            return Parse::Skip;
        }
        stamp = *s;
    }
    const char *inName = m_format == TraceFormat::Azure ? "ContextTokens" : "Request tokens";
    const char *outName = m_format == TraceFormat::Azure ? "GeneratedTokens" : "Response tokens";
    if (!parseCount(cols[static_cast<std::size_t>(m_colInput)], out.inputTokens, why, inName)
        || !parseCount(cols[static_cast<std::size_t>(m_colOutput)], out.outputTokens, why, outName))
        return Parse::Skip;
    out.blocks.clear();
    out.blockTokens = kMooncakeBlockTokens;
    if (m_format == TraceFormat::BurstGpt) {
        if (!m_options.model.empty() && m_colModel >= 0
            && lower(cols[static_cast<std::size_t>(m_colModel)]) != lower(m_options.model))
            return Parse::Filtered;
        if (m_options.skipFailed && out.outputTokens == 0)
            return Parse::Filtered;
    }
    return Parse::Ok;
}

bool TraceReader::next(TraceRequest &out)
{
    if (m_options.limit > 0 && m_requests >= m_options.limit)
        return false;
    while (readLine(m_lineText)) {
        ++m_line;
        if (m_lineTooLong) {
            skip(tooLongMessage(m_options.maxLineBytes));
            continue;
        }
        std::string_view v = m_lineText;
        while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t'))
            v.remove_suffix(1);
        if (m_line == 1 && v.substr(0, 3) == "\xEF\xBB\xBF")
            v.remove_prefix(3);
        if (v.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        std::string why;
        double stamp = 0;
        const std::string text(v);
        const Parse p = m_format == TraceFormat::Mooncake ? parseMooncake(text, out, stamp, why)
                                                          : parseCsv(text, out, stamp, why);
        if (p == Parse::Filtered) {
            ++m_filtered;
            continue;
        }
        if (p == Parse::Skip) {
            skip(why);
            continue;
        }
        if (!m_firstStamp)
            m_firstStamp = stamp;
        double arrival = (stamp - *m_firstStamp) * m_options.timeScale;
        if (arrival < m_lastArrival) {
            if (m_options.strict)
                throw InputError(m_path, "line " + std::to_string(m_line),
                                 "timestamp goes backwards (the trace must be sorted by arrival)");
            ++m_reordered;
            arrival = m_lastArrival;
        }
        m_lastArrival = arrival;
        out.arrivalS = arrival;
        out.id = m_requests++;
        return true;
    }
    if (m_in.bad())
        throw InputError(m_path, "line " + std::to_string(m_line + 1), "read error");
    return false;
}

} // namespace tokenroute
