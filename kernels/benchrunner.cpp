#include "kernels/benchrunner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <new>
#include <random>
#include <sstream>

#include <unistd.h>

#include "kernels/bf16.h"
#include "kernels/buffer.h"
#include "kernels/cudabackend.h"
#include "kernels/kernelerror.h"
#include "kernels/memoryprobe.h"
#include "kernels/parallel.h"
#include "kernels/tolerance.h"

namespace tokenroute::kernels {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

bool isCuda(const std::string &device)
{
    return device.rfind("cuda:", 0) == 0;
}

int cudaIndex(const std::string &device)
{
    return std::atoi(device.c_str() + 5);
}

std::string isoNowUtc()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string formatBytes(double b)
{
    std::ostringstream s;
    s.precision(3);
    if (b >= 1024.0 * kMiB)
        s << b / (1024.0 * kMiB) << " GiB";
    else if (b >= kMiB)
        s << b / kMiB << " MiB";
    else
        s << b / 1024.0 << " KiB";
    return s.str();
}

// Runs one case; whatever goes wrong becomes a failed result carrying the reason.
template <typename Body>
KernelResult guarded(KernelResult base, Body &&body)
{
    try {
        return body(base);
    } catch (const KernelError &e) {
        base.error = e.what();
    } catch (const std::bad_alloc &) {
        base.error = "out of memory while allocating the case's buffers";
    } catch (const std::exception &e) {
        base.error = std::string("unexpected error: ") + e.what();
    }
    base.failed = true;
    base.correct = false;
    return base;
}

void setRates(KernelResult &r, double flops, double bytes)
{
    const double seconds = r.timing.medianMs * 1e-3;
    if (seconds <= 0)
        throw KernelError("timing: the median run took no measurable time; the shape is too small to time");
    r.flopsPerSecond = flops / seconds;
    r.bytesPerSecond = bytes / seconds;
    r.arithmeticIntensity = bytes > 0 ? flops / bytes : 0;
}

void setReference(KernelResult &r, const std::string &name, double figure, const std::string &unit, double ours)
{
    if (figure <= 0)
        return;
    r.reference = ReferenceFigure{name, figure, unit};
    r.ratioToReference = ours / figure;
}

// Merges a second check into the first: both must pass, the larger error is reported.
void merge(ErrorCheck &into, const ErrorCheck &other)
{
    into.maxAbsError = std::max(into.maxAbsError, other.maxAbsError);
    if (!other.correct) {
        into.correct = false;
        into.message += (into.message.empty() ? "" : "; ") + other.message;
    }
}

void applyCheck(KernelResult &r, const ErrorCheck &c, const std::string &what, const Tolerance &tol)
{
    r.correct = c.correct;
    r.maxAbsError = c.maxAbsError;
    std::ostringstream s;
    s << what << "; |x-ref| <= " << tol.atol << " + " << tol.rtol << "*|ref| (" << tol.reason << ")";
    if (!c.correct)
        s << "; FAILED: " << c.message;
    r.check = s.str();
}

std::vector<float> roundedToBf16(const float *src, std::size_t n)
{
    std::vector<float> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = bf16ToFloat(floatToBf16(src[i]));
    return out;
}

// Rows spread over [0, count): first, last and evenly between, at most `samples`.
std::vector<std::size_t> sampleRows(std::size_t count, std::size_t samples)
{
    std::vector<std::size_t> rows;
    if (count <= samples) {
        for (std::size_t i = 0; i < count; ++i)
            rows.push_back(i);
        return rows;
    }
    for (std::size_t i = 0; i < samples; ++i)
        rows.push_back(i * (count - 1) / (samples - 1));
    return rows;
}

} // namespace

int BenchReport::failedCount() const
{
    return static_cast<int>(std::count_if(results.begin(), results.end(), [](const KernelResult &r) { return r.failed; }));
}

void selectKernels(BenchOptions &o, const std::string &list)
{
    o.prefill = o.decode = o.attention = o.memory = false;
    std::stringstream ss(list);
    std::string item;
    bool any = false;
    while (std::getline(ss, item, ',')) {
        item.erase(std::remove_if(item.begin(), item.end(), ::isspace), item.end());
        if (item.empty())
            continue;
        if (item == "prefill")
            o.prefill = true;
        else if (item == "decode")
            o.decode = true;
        else if (item == "attention")
            o.attention = true;
        else if (item == "memory")
            o.memory = true;
        else if (item == "all")
            o.prefill = o.decode = o.attention = o.memory = true;
        else
            throw KernelError("unknown kernel group '" + item + "'; expected a comma-separated subset of prefill,decode,attention,memory");
        any = true;
    }
    if (!any)
        throw KernelError("no kernel group given; expected a comma-separated subset of prefill,decode,attention,memory");
}

void fillUniform(const std::string &name, float *data, std::size_t n)
{
    // Seeded by the name so A and B differ but every run sees the same numbers.
    std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(name) & 0xffffffffu));
    std::uniform_real_distribution<float> dist(-1.f, 1.f);
    for (std::size_t i = 0; i < n; ++i)
        data[i] = dist(rng);
}

// ---- prefill GEMM ---------------------------------------------------------------------------

KernelResult runPrefillGemm(const GemmShape &s, const CaseContext &ctx)
{
    KernelResult base;
    base.kernel = KernelKind::PrefillGemm;
    base.device = ctx.device;
    base.shape = s.describe();
    const bool gpu = isCuda(ctx.device);
    base.precision = gpu ? "bf16 in, fp32 accumulate" : "fp32";
    return guarded(base, [&](KernelResult r) {
        validate(s);
        const std::size_t aBytes = checkedBytes("prefill GEMM A", 4, {s.m, s.k});
        const std::size_t bBytes = checkedBytes("prefill GEMM B", 4, {s.k, s.n});
        const std::size_t cBytes = checkedBytes("prefill GEMM C", 4, {s.m, s.n});
        requireHostMemory("prefill GEMM " + s.describe(), static_cast<std::uint64_t>(aBytes) + bBytes + 2ull * cBytes);
        std::vector<float> a(s.m * s.k), b(s.k * s.n), c(s.m * s.n), cref(s.m * s.n);
        ctx.fill("A", a.data(), a.size());
        ctx.fill("B", b.data(), b.size());
        requireFinite(a.data(), a.size(), "A (activations)");
        requireFinite(b.data(), b.size(), "B (weights)");

        TimingStats refTiming;
        std::string refName;
        Tolerance tol;
        if (gpu) {
            // Both GPU paths see the same bf16 inputs; the host check uses them too, so only the
            // accumulation differs.
            a = roundedToBf16(a.data(), a.size());
            b = roundedToBf16(b.data(), b.size());
            r.timing = cuda::gemmBf16(cudaIndex(ctx.device), s, a.data(), b.data(), c.data(), ctx.policy);
            refTiming = cuda::gemmCublasBf16(cudaIndex(ctx.device), s, a.data(), b.data(), cref.data(), ctx.policy);
            refName = "cublas_gemm_bf16";
            tol = {2e-6 * static_cast<double>(s.k), 1e-3,
                   "fp32 accumulation of bf16 products in tensor-core order vs another order; grows with k"};
        } else {
            const int threads = ctx.threads <= 0 ? defaultThreads() : ctx.threads;
            r.timing = timeHost([&] { gemmCpu(s, a.data(), b.data(), c.data(), threads); }, ctx.policy);
            refTiming = timeHost([&] { gemmOpenBlas(s, a.data(), b.data(), cref.data(), threads); }, ctx.policy);
            refName = "openblas_sgemm";
            tol = {2e-6 * static_cast<double>(s.k), 1e-4,
                   "fp32 sums of k products in a different order than the reference; error grows with k"};
        }
        setRates(r, s.flops(), s.bytes(gpu ? 2.0 : 4.0));
        setReference(r, refName, s.flops() / (refTiming.medianMs * 1e-3), "flop/s", r.flopsPerSecond);

        ErrorCheck check = compareToReference(c.data(), cref.data(), c.size(), tol);
        // An independent double-precision check on sampled rows, so agreeing with a wrong
        // reference library cannot pass.
        std::vector<float> row(s.n);
        for (std::size_t i : sampleRows(s.m, 8)) {
            gemmReference(GemmShape{1, s.k, s.n}, a.data() + i * s.k, b.data(), row.data());
            merge(check, compareToReference(c.data() + i * s.n, row.data(), s.n, tol));
        }
        applyCheck(r, check, "all elements vs " + refName + ", sampled rows vs a double-precision triple loop", tol);
        return r;
    });
}

// ---- prefill attention ----------------------------------------------------------------------

KernelResult runPrefillAttention(const AttentionShape &s, const CaseContext &ctx)
{
    KernelResult base;
    base.kernel = KernelKind::PrefillAttention;
    base.device = ctx.device;
    base.shape = s.describe() + " causal";
    base.precision = "fp32";
    return guarded(base, [&](KernelResult r) {
        validate(s);
        const std::size_t qBytes = checkedBytes("attention Q", 4, {s.tokens, s.heads, s.headDim});
        const std::size_t kvBytes = checkedBytes("attention K", 4, {s.tokens, s.kvHeads, s.headDim});
        requireHostMemory("prefill attention " + s.describe(), 3ull * qBytes + 2ull * kvBytes);
        std::vector<float> q(s.qElements()), k(s.kvElements()), v(s.kvElements()), o(s.qElements());
        ctx.fill("Q", q.data(), q.size());
        ctx.fill("K", k.data(), k.size());
        ctx.fill("V", v.data(), v.size());
        requireFinite(q.data(), q.size(), "Q");
        requireFinite(k.data(), k.size(), "K");
        requireFinite(v.data(), v.size(), "V");
        if (isCuda(ctx.device))
            r.timing = cuda::causalAttention(cudaIndex(ctx.device), s, q.data(), k.data(), v.data(), o.data(), ctx.policy);
        else
            r.timing = timeHost([&] { causalAttentionCpu(s, q.data(), k.data(), v.data(), o.data(), ctx.threads); }, ctx.policy);
        setRates(r, s.flops(), s.bytes());
        setReference(r, ctx.computeReferenceName, ctx.computeReference, "flop/s", r.flopsPerSecond);

        // Causal rows depend only on earlier tokens and the layout is token-major, so a prefix of
        // the prompt is itself a complete, smaller problem the reference can solve exactly.
        AttentionShape prefix = s;
        prefix.tokens = std::min<std::size_t>(s.tokens, 512);
        std::vector<float> oref(prefix.qElements());
        causalAttentionReference(prefix, q.data(), k.data(), v.data(), oref.data());
        const Tolerance tol{1e-4, 1e-3,
                            "fp32 online softmax (rescaled running sums) vs double full softmax; outputs are averages of values in [-1, 1]"};
        const ErrorCheck check = compareToReference(o.data(), oref.data(), oref.size(), tol);
        applyCheck(r, check,
                   prefix.tokens == s.tokens ? std::string("all tokens vs double-precision full softmax")
                                             : "first " + std::to_string(prefix.tokens) + " tokens vs double-precision full softmax",
                   tol);
        return r;
    });
}

// ---- decode GEMV ----------------------------------------------------------------------------

KernelResult runDecodeGemv(const GemvShape &s, const CaseContext &ctx)
{
    KernelResult base;
    base.kernel = KernelKind::DecodeGemv;
    base.device = ctx.device;
    base.variant = "batch " + std::to_string(s.batch);
    base.shape = s.describe();
    base.precision = toString(s.weights) + " weights, fp32 math";
    return guarded(base, [&](KernelResult r) {
        validate(s);
        const std::size_t wBytes = checkedBytes("decode GEMV weights", 4, {s.out, s.in});
        requireHostMemory("decode GEMV " + s.describe(), wBytes + wBytes / (s.weights == WeightType::BF16 ? 2 : 1));
        std::vector<float> wf(s.out * s.in);
        ctx.fill("W", wf.data(), wf.size());
        requireFinite(wf.data(), wf.size(), "W (weights)");
        HostBuffer<bf16> wb(s.weights == WeightType::BF16 ? wf.size() : 1);
        if (s.weights == WeightType::BF16) {
            for (std::size_t i = 0; i < wf.size(); ++i)
                wb[i] = floatToBf16(wf[i]);
            std::vector<float>().swap(wf); // the fp32 copy is not needed any more
        }
        const void *w = s.weights == WeightType::BF16 ? static_cast<const void *>(wb.data()) : wf.data();
        std::vector<float> x(s.batch * s.in), y(s.batch * s.out);
        ctx.fill("x", x.data(), x.size());
        requireFinite(x.data(), x.size(), "x (activations)");
        if (isCuda(ctx.device))
            r.timing = cuda::gemv(cudaIndex(ctx.device), s, w, x.data(), y.data(), ctx.policy);
        else
            r.timing = timeHost([&] { gemvCpu(s, w, x.data(), y.data(), ctx.threads); }, ctx.policy);
        setRates(r, s.flops(), s.bytes());
        setReference(r, isCuda(ctx.device) ? "device_copy" : "stream_best", ctx.streamBandwidth, "byte/s", r.bytesPerSecond);

        const Tolerance tol{2e-6 * static_cast<double>(s.in), 1e-4,
                            "fp32 sums of `in` products vs a double reference; bf16 weights are exact in both"};
        ErrorCheck check;
        check.correct = true;
        float ref = 0;
        for (std::size_t o : sampleRows(s.out, 64)) {
            const void *wRow = s.weights == WeightType::BF16 ? static_cast<const void *>(wb.data() + o * s.in)
                                                             : static_cast<const void *>(wf.data() + o * s.in);
            for (std::size_t bt = 0; bt < s.batch; ++bt) {
                gemvReference(GemvShape{1, s.in, 1, s.weights}, wRow, x.data() + bt * s.in, &ref);
                merge(check, compareToReference(&y[bt * s.out + o], &ref, 1, tol));
            }
        }
        bool finite = true;
        for (float v : y)
            finite &= std::isfinite(v);
        if (!finite) {
            check.correct = false;
            check.message += "; non-finite values in the output";
        }
        applyCheck(r, check, "64 sampled output rows x every batch vector vs a double-precision dot product", tol);
        return r;
    });
}

// ---- decode attention -----------------------------------------------------------------------

PagedAttentionShape makePagedShape(const std::vector<std::size_t> &contextLengths, std::size_t heads, std::size_t kvHeads,
                                   std::size_t headDim, unsigned seed)
{
    PagedAttentionShape s;
    s.heads = heads;
    s.kvHeads = kvHeads;
    s.headDim = headDim;
    s.contextLengths = contextLengths;
    std::size_t maxBlocks = 0;
    std::size_t total = 0;
    for (std::size_t c : contextLengths) {
        const std::size_t b = (c + kKvBlockTokens - 1) / kKvBlockTokens;
        maxBlocks = std::max(maxBlocks, b);
        total += b;
    }
    s.maxBlocksPerSequence = std::max<std::size_t>(maxBlocks, 1);
    // A pool with 1/8 spare blocks, handed out in shuffled order: sequences' blocks end up
    // scattered, as they are after a serving engine has run for a while.
    s.poolBlocks = std::max<std::size_t>(total + total / 8, 1);
    std::vector<int> ids(s.poolBlocks);
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = static_cast<int>(i);
    std::mt19937 rng(seed);
    std::shuffle(ids.begin(), ids.end(), rng);
    s.blockTable.assign(contextLengths.size() * s.maxBlocksPerSequence, -1);
    std::size_t next = 0;
    for (std::size_t seq = 0; seq < contextLengths.size(); ++seq) {
        const std::size_t b = (contextLengths[seq] + kKvBlockTokens - 1) / kKvBlockTokens;
        for (std::size_t i = 0; i < b; ++i)
            s.blockTable[seq * s.maxBlocksPerSequence + i] = ids[next++];
    }
    return s;
}

KernelResult runDecodeAttention(const PagedAttentionShape &s, const CaseContext &ctx)
{
    KernelResult base;
    base.kernel = KernelKind::DecodeAttention;
    base.device = ctx.device;
    base.shape = s.describe();
    base.precision = "fp32";
    return guarded(base, [&](KernelResult r) {
        validate(s);
        const std::size_t poolBytes = checkedBytes("decode attention KV pool", 4, {s.poolBlocks, s.blockElements()});
        requireHostMemory("decode attention " + s.describe(), 2ull * poolBytes);
        const std::size_t qn = s.batch() * s.heads * s.headDim;
        std::vector<float> q(qn), out(qn), oref(qn);
        std::vector<float> kPool(s.poolBlocks * s.blockElements()), vPool(kPool.size());
        ctx.fill("Q", q.data(), q.size());
        ctx.fill("K", kPool.data(), kPool.size());
        ctx.fill("V", vPool.data(), vPool.size());
        requireFinite(q.data(), q.size(), "Q");
        requireFinite(kPool.data(), kPool.size(), "K cache");
        requireFinite(vPool.data(), vPool.size(), "V cache");
        if (isCuda(ctx.device))
            r.timing = cuda::pagedDecodeAttention(cudaIndex(ctx.device), s, q.data(), kPool.data(), vPool.data(), out.data(), ctx.policy);
        else
            r.timing = timeHost([&] { pagedDecodeAttentionCpu(s, q.data(), kPool.data(), vPool.data(), out.data(), ctx.threads); },
                                ctx.policy);
        setRates(r, s.flops(), s.bytes());
        setReference(r, isCuda(ctx.device) ? "device_copy" : "stream_best", ctx.streamBandwidth, "byte/s", r.bytesPerSecond);
        pagedDecodeAttentionReference(s, q.data(), kPool.data(), vPool.data(), oref.data());
        const Tolerance tol{1e-4, 1e-3,
                            "fp32 online softmax over 16-token blocks vs double full softmax; outputs are averages of values in [-1, 1]"};
        applyCheck(r, compareToReference(out.data(), oref.data(), qn, tol),
                   "every sequence and head vs double-precision softmax gathered through the block table", tol);
        return r;
    });
}

// ---- memory ---------------------------------------------------------------------------------

namespace {

// Which level holds a working set: private caches count once per thread using them, shared ones once.
std::string cacheHome(std::uint64_t ws, int threads, const CpuInfo &cpu)
{
    std::vector<CacheLevel> levels;
    for (const auto &c : cpu.caches)
        if (c.type != "Instruction")
            levels.push_back(c);
    std::sort(levels.begin(), levels.end(), [](const auto &a, const auto &b) { return a.level < b.level; });
    for (const auto &c : levels) {
        const std::uint64_t copies = static_cast<std::uint64_t>(std::max(1, threads / std::max(1, c.sharedByCpus)));
        if (ws <= c.sizeBytes * copies) {
            std::ostringstream s;
            s << "fits in L" << c.level << (c.type == "Data" ? "d" : "") << " (" << formatBytes(static_cast<double>(c.sizeBytes))
              << (c.sharedByCpus > 1 ? " shared by " + std::to_string(c.sharedByCpus) + " CPUs" : " per core") << ")";
            return s.str();
        }
    }
    return levels.empty() ? "cache sizes unknown" : "beyond the last-level cache: DRAM";
}

struct Runner {
    const BenchOptions &opt;
    BenchReport &report;
    std::size_t step = 0;

    void progress(const std::string &line) const
    {
        if (opt.progress)
            opt.progress(line);
    }

    void add(KernelResult r)
    {
        ++step;
        std::ostringstream s;
        s.precision(3);
        s << "[" << step << "] " << toString(r.kernel) << " " << r.device << " " << r.shape;
        if (r.failed) {
            s << ": FAILED: " << r.error;
        } else {
            s << ": " << r.timing.medianMs << " ms";
            if (r.kernel == KernelKind::MemoryLatency)
                s << ", " << r.latencyNs << " ns/load";
            else if (r.kernel == KernelKind::MemoryBandwidth || r.kernel == KernelKind::DecodeGemv || r.kernel == KernelKind::DecodeAttention)
                s << ", " << r.bytesPerSecond / 1e9 << " GB/s";
            else
                s << ", " << r.flopsPerSecond / 1e9 << " GFLOP/s";
            if (r.ratioToReference)
                s << " (" << *r.ratioToReference << " x " << r.reference->name << ")";
            if (r.kernel != KernelKind::MemoryBandwidth && r.kernel != KernelKind::MemoryLatency)
                s << (r.correct ? ", correct" : ", INCORRECT");
        }
        progress(s.str());
        report.results.push_back(std::move(r));
    }
};

// The prefill GEMMs, run for their own results and, with attention alone, only for the compute
// roof the attention kernels are compared against: the library GEMM's figure on the first shape.
void runGemmShapes(Runner &run, const BenchOptions &opt, CaseContext &ctx, const std::vector<GemmShape> &shapes,
                   const std::string &library)
{
    for (const auto &s : shapes) {
        KernelResult r = runPrefillGemm(s, ctx);
        if (!r.failed && r.reference && ctx.computeReference == 0) {
            ctx.computeReference = r.reference->figure;
            ctx.computeReferenceName = library + " " + s.describe() + " (compute roof measured this run)";
        }
        if (opt.prefill)
            run.add(std::move(r));
    }
}

KernelResult streamResult(const std::string &device, const std::string &variant, const std::string &shape,
                          const std::string &precision)
{
    KernelResult r;
    r.kernel = KernelKind::MemoryBandwidth;
    r.device = device;
    r.variant = variant;
    r.shape = shape;
    r.precision = precision;
    r.correct = true;
    r.note = "streaming reference for the bandwidth-bound kernels";
    return r;
}

void runCpu(Runner &run, const BenchOptions &opt, const CpuInfo &cpu)
{
    const std::string dev = "cpu";
    const int threads = opt.threads <= 0 ? defaultThreads() : opt.threads;
    CaseContext ctx;
    ctx.device = dev;
    ctx.threads = threads;
    ctx.policy = opt.quick ? quickPolicy() : TimingPolicy{};
    const std::uint64_t llc = std::max<std::uint64_t>(cpu.lastLevelCacheBytes(), 8u << 20);

    // Streaming references first: the decode kernels are compared with them.
    const bool needStream = opt.decode || opt.attention || opt.memory;
    if (needStream) {
        // STREAM's rule: each array at least 4x the last-level cache (2x for a quick run).
        const std::size_t arrayBytes = static_cast<std::size_t>(llc * (opt.quick ? 2 : 4));
        KernelResult t = streamResult(dev, "stream triad", "a = b + s*c, 3 x " + formatBytes(static_cast<double>(arrayBytes)) + " fp64", "fp64");
        t = guarded(t, [&](KernelResult r) {
            const BandwidthPoint p = measureTriad(arrayBytes, threads, ctx.policy);
            r.timing = p.timing;
            r.workingSetBytes = p.workingSetBytes;
            setRates(r, 2.0 * static_cast<double>(arrayBytes / 8), static_cast<double>(p.workingSetBytes));
            return r;
        });
        run.add(t);
        KernelResult m = streamResult(dev, "memcpy", "memcpy " + formatBytes(static_cast<double>(arrayBytes)), "bytes");
        m = guarded(m, [&](KernelResult r) {
            const BandwidthPoint p = measureMemcpy(arrayBytes, threads, ctx.policy);
            r.timing = p.timing;
            r.workingSetBytes = p.workingSetBytes;
            setRates(r, 0, 2.0 * static_cast<double>(arrayBytes));
            return r;
        });
        run.add(m);
        ctx.streamBandwidth = std::max(t.failed ? 0.0 : t.bytesPerSecond, m.failed ? 0.0 : m.bytesPerSecond);
    }

    if (opt.prefill || opt.attention) {
        // Llama-3.1-8B projections: hidden 4096; a 512-token prompt chunk through a square
        // projection, and an odd token count through a narrow one (edge tiles on both sides).
        std::vector<GemmShape> shapes = opt.quick ? std::vector<GemmShape>{{256, 2048, 2048}}
                                                  : std::vector<GemmShape>{{512, 4096, 4096}, {1000, 4096, 1000}};
        runGemmShapes(run, opt, ctx, shapes, "openblas_sgemm");
    }
    if (opt.attention) {
        // Llama-3.1-8B attention geometry (32 query heads, 8 KV heads, d = 128), and an odd one.
        std::vector<AttentionShape> shapes = opt.quick ? std::vector<AttentionShape>{{512, 8, 2, 128}}
                                                       : std::vector<AttentionShape>{{2048, 32, 8, 128}, {1000, 12, 4, 72}};
        for (const auto &s : shapes)
            run.add(runPrefillAttention(s, ctx));
    }
    if (opt.decode) {
        // The FFN up-projection of an 8B model (4096 -> 14336); in a quick run a 64 MiB bf16
        // matrix, still twice a 32 MiB L3.
        const std::size_t out = opt.quick ? 8192 : 14336;
        std::vector<GemvShape> shapes;
        for (std::size_t batch : opt.quick ? std::vector<std::size_t>{1, 16} : std::vector<std::size_t>{1, 8, 64})
            shapes.push_back({batch, 4096, out, WeightType::BF16});
        shapes.push_back({1, 4096, out, WeightType::F32});
        for (const auto &s : shapes)
            run.add(runDecodeGemv(s, ctx));
    }
    if (opt.attention) {
        std::vector<std::size_t> ctxLens;
        std::mt19937 rng(7);
        const std::size_t seqs = opt.quick ? 8 : 16;
        std::uniform_int_distribution<std::size_t> len(opt.quick ? 500 : 1000, opt.quick ? 1500 : 4000);
        for (std::size_t i = 0; i < seqs; ++i)
            ctxLens.push_back(len(rng) | 1u); // odd lengths: every last block is partly filled
        run.add(runDecodeAttention(makePagedShape(ctxLens, 32, 8, 128, 11), ctx));
    }
    if (opt.memory) {
        const TimingPolicy sweepPolicy = opt.quick ? TimingPolicy{1, 3, 10, 20} : TimingPolicy{1, 5, 30, 100};
        const std::size_t maxWs = static_cast<std::size_t>(llc * (opt.quick ? 2 : 4));
        double l1Latency = 0;
        for (std::size_t ws : workingSetSweep(maxWs)) {
            KernelResult r;
            r.kernel = KernelKind::MemoryBandwidth;
            r.device = dev;
            r.variant = "read sweep";
            r.shape = "read " + formatBytes(static_cast<double>(ws)) + " x " + std::to_string(threads) + " threads";
            r.precision = "fp32 loads";
            r.note = cacheHome(ws, threads, cpu);
            r = guarded(r, [&](KernelResult k) {
                const BandwidthPoint p = measureReadBandwidth(ws, threads, sweepPolicy);
                k.timing = p.timing;
                k.workingSetBytes = ws;
                k.correct = true;
                k.bytesPerSecond = p.bytesPerSecond;
                k.flopsPerSecond = p.bytesPerSecond / 4.0; // one add per float read
                k.arithmeticIntensity = 0.25;
                setReference(k, "stream_best", ctx.streamBandwidth, "byte/s", k.bytesPerSecond);
                return k;
            });
            run.add(std::move(r));
        }
        for (std::size_t ws : workingSetSweep(maxWs)) {
            KernelResult r;
            r.kernel = KernelKind::MemoryLatency;
            r.device = dev;
            r.variant = "pointer chase";
            r.shape = "chase " + formatBytes(static_cast<double>(ws)) + ", 64-byte nodes, 1 thread";
            r.precision = "64-bit pointers";
            r.note = cacheHome(ws, 1, cpu);
            r = guarded(r, [&](KernelResult k) {
                const LatencyPoint p = measureLatency(ws, sweepPolicy, opt.quick ? (1u << 19) : 0);
                k.timing = p.timing;
                k.workingSetBytes = ws;
                k.correct = true;
                k.latencyNs = p.nsPerLoad;
                k.bytesPerSecond = 64.0 / (p.nsPerLoad * 1e-9); // one line per dependent load
                if (l1Latency == 0)
                    l1Latency = p.nsPerLoad;
                setReference(k, "latency_at_4KiB", l1Latency, "ns", k.latencyNs);
                return k;
            });
            run.add(std::move(r));
        }
    }
}

void runCuda(Runner &run, const BenchOptions &opt, const CudaDeviceInfo &gpu)
{
    const std::string dev = "cuda:" + std::to_string(gpu.index);
    CaseContext ctx;
    ctx.device = dev;
    ctx.policy = opt.quick ? quickPolicy() : TimingPolicy{};
    const std::size_t l2 = std::max<std::uint64_t>(gpu.l2Bytes, 4u << 20);

    const bool needStream = opt.decode || opt.attention || opt.memory;
    if (needStream) {
        const std::size_t bytes = std::max<std::size_t>(8 * l2, 256u << 20);
        KernelResult c = streamResult(dev, "device copy", "cudaMemcpy device-to-device " + formatBytes(static_cast<double>(bytes)), "bytes");
        c = guarded(c, [&](KernelResult r) {
            const BandwidthPoint p = cuda::deviceCopy(gpu.index, bytes, ctx.policy);
            r.timing = p.timing;
            r.workingSetBytes = p.workingSetBytes;
            setRates(r, 0, 2.0 * static_cast<double>(bytes));
            return r;
        });
        run.add(c);
        ctx.streamBandwidth = c.failed ? 0.0 : c.bytesPerSecond;
    }
    if (opt.prefill || opt.attention) {
        std::vector<GemmShape> shapes = opt.quick ? std::vector<GemmShape>{{2048, 4096, 4096}}
                                                  : std::vector<GemmShape>{{4096, 8192, 8192}, {1000, 4096, 1000}};
        runGemmShapes(run, opt, ctx, shapes, "cublas_gemm_bf16");
    }
    if (opt.attention) {
        std::vector<AttentionShape> shapes = opt.quick ? std::vector<AttentionShape>{{1024, 32, 8, 128}}
                                                       : std::vector<AttentionShape>{{4096, 32, 8, 128}, {1000, 12, 4, 72}};
        for (const auto &s : shapes)
            run.add(runPrefillAttention(s, ctx));
    }
    if (opt.decode) {
        // 8192 x 28672: a 70B-class FFN matrix, 448 MiB in bf16, far beyond a 50 MiB L2.
        std::vector<GemvShape> shapes;
        for (std::size_t batch : opt.quick ? std::vector<std::size_t>{1, 16} : std::vector<std::size_t>{1, 8, 64})
            shapes.push_back({batch, 8192, 28672, WeightType::BF16});
        shapes.push_back({1, 8192, 28672, WeightType::F32});
        for (const auto &s : shapes)
            run.add(runDecodeGemv(s, ctx));
    }
    if (opt.attention) {
        std::vector<std::size_t> ctxLens;
        std::mt19937 rng(7);
        std::uniform_int_distribution<std::size_t> len(2000, 8000);
        for (std::size_t i = 0; i < (opt.quick ? 16u : 32u); ++i)
            ctxLens.push_back(len(rng) | 1u);
        run.add(runDecodeAttention(makePagedShape(ctxLens, 32, 8, 128, 11), ctx));
    }
    if (opt.memory) {
        const TimingPolicy sweepPolicy = opt.quick ? TimingPolicy{1, 3, 10, 20} : TimingPolicy{1, 5, 30, 100};
        {
            KernelResult r;
            r.kernel = KernelKind::MemoryBandwidth;
            r.device = dev;
            r.variant = "shared memory";
            r.shape = "shared-memory reads, all SMs";
            r.precision = "fp32 loads";
            r.note = "on-chip SRAM (" + formatBytes(static_cast<double>(gpu.sharedMemPerSmBytes)) + " per SM)";
            r = guarded(r, [&](KernelResult k) {
                const BandwidthPoint p = cuda::sharedMemoryBandwidth(gpu.index, sweepPolicy);
                k.timing = p.timing;
                k.correct = true;
                k.bytesPerSecond = p.bytesPerSecond;
                setReference(k, "device_copy", ctx.streamBandwidth, "byte/s", k.bytesPerSecond);
                return k;
            });
            run.add(std::move(r));
        }
        const std::size_t maxWs = 8 * l2;
        double firstLatency = 0;
        for (std::size_t ws : workingSetSweep(maxWs)) {
            if (ws < (64u << 10))
                continue; // below 64 KiB a GPU-wide read is launch overhead, not bandwidth
            KernelResult r;
            r.kernel = KernelKind::MemoryBandwidth;
            r.device = dev;
            r.variant = "read sweep";
            r.shape = "read " + formatBytes(static_cast<double>(ws)) + ", all SMs";
            r.precision = "fp32 loads";
            r.note = ws <= gpu.l2Bytes ? "fits in L2 (" + formatBytes(static_cast<double>(gpu.l2Bytes)) + ")" : "beyond L2: HBM";
            r = guarded(r, [&](KernelResult k) {
                const BandwidthPoint p = cuda::readBandwidth(gpu.index, ws, sweepPolicy);
                k.timing = p.timing;
                k.workingSetBytes = ws;
                k.correct = true;
                k.bytesPerSecond = p.bytesPerSecond;
                setReference(k, "device_copy", ctx.streamBandwidth, "byte/s", k.bytesPerSecond);
                return k;
            });
            run.add(std::move(r));
        }
        for (std::size_t ws : workingSetSweep(maxWs)) {
            if (ws < (16u << 10) || (opt.quick && ws % (4 * 16384) != 0 && ws != maxWs))
                continue;
            KernelResult r;
            r.kernel = KernelKind::MemoryLatency;
            r.device = dev;
            r.variant = "pointer chase";
            r.shape = "chase " + formatBytes(static_cast<double>(ws)) + ", 64-byte nodes, 1 thread";
            r.precision = "64-bit pointers";
            r.note = ws <= 192u * 1024 ? "fits in L1 (up to 256 KiB per SM with shared memory)"
                : ws <= gpu.l2Bytes    ? "fits in L2 (" + formatBytes(static_cast<double>(gpu.l2Bytes)) + ")"
                                       : "beyond L2: HBM";
            r = guarded(r, [&](KernelResult k) {
                const LatencyPoint p = cuda::latency(gpu.index, ws, sweepPolicy);
                k.timing = p.timing;
                k.workingSetBytes = ws;
                k.correct = true;
                k.latencyNs = p.nsPerLoad;
                k.bytesPerSecond = 64.0 / (p.nsPerLoad * 1e-9);
                if (firstLatency == 0)
                    firstLatency = p.nsPerLoad;
                setReference(k, "latency_at_16KiB", firstLatency, "ns", k.latencyNs);
                return k;
            });
            run.add(std::move(r));
        }
    }
}

} // namespace

BenchReport runBenchmarks(const BenchOptions &opt)
{
    BenchReport report;
    report.startedAt = isoNowUtc();
    report.quick = opt.quick;
    report.threads = opt.threads <= 0 ? defaultThreads() : opt.threads;
    report.cpu = discoverCpu();
    report.cuda = discoverCuda();
    auto say = [&](const std::string &s) {
        if (opt.progress)
            opt.progress(s);
    };
    say("CPU: " + report.cpu.model + ", " + std::to_string(report.cpu.logicalCpus) + " CPUs, last-level cache "
        + formatBytes(static_cast<double>(report.cpu.lastLevelCacheBytes())) + ", GEMM path " + gemmCpuPath());
    say("CUDA: " + report.cuda.status);

    bool useCuda = false;
    switch (opt.device) {
    case BenchDevice::Cpu: break;
    case BenchDevice::Cuda:
        if (report.cuda.devices.empty())
            throw KernelError("no usable CUDA device (" + report.cuda.status + "); use --device cpu or auto");
        useCuda = true;
        break;
    case BenchDevice::Auto: useCuda = !report.cuda.devices.empty(); break;
    }

    Runner run{opt, report};
    const std::string host = [] {
        char name[256] = {};
        gethostname(name, sizeof name - 1);
        return std::string(name);
    }();
    if (useCuda) {
        const CudaDeviceInfo &gpu = report.cuda.devices.front();
        report.devicesRun.push_back("cuda:" + std::to_string(gpu.index));
        runCuda(run, opt, gpu);
        CalibrationInputs in;
        in.device = "cuda:" + std::to_string(gpu.index);
        in.deviceId = gpu.id();
        in.deviceName = gpu.name;
        in.deviceKind = "cuda";
        in.peakFlops = gpu.peakBf16Flops;
        in.peakFlopsSource = gpu.peakNote;
        in.peakBandwidth = gpu.peakBandwidth;
        in.peakBandwidthSource = "estimate: 2 x memory clock x bus width, from cudaDeviceGetAttribute";
        in.lastLevelCacheBytes = static_cast<double>(gpu.l2Bytes);
        in.memoryBytes = static_cast<double>(gpu.globalMemBytes);
        in.source = "kernels run " + report.startedAt + " on " + host + " (" + gpu.name + ")";
        report.calibrations.push_back(calibrate(report.results, in));
    } else {
        report.devicesRun.push_back("cpu");
        runCpu(run, opt, report.cpu);
        CalibrationInputs in;
        in.device = "cpu";
        in.deviceId = report.cpu.id();
        in.deviceName = report.cpu.model;
        in.deviceKind = "cpu";
        in.peakFlops = report.cpu.peakFp32Flops;
        in.peakFlopsSource = report.cpu.peakNote;
        in.lastLevelCacheBytes = static_cast<double>(report.cpu.lastLevelCacheBytes());
        in.memoryBytes = static_cast<double>(availableHostMemory());
        in.source = "kernels run " + report.startedAt + " on " + host + " (" + report.cpu.model + ", "
            + std::to_string(report.threads) + " threads)";
        report.calibrations.push_back(calibrate(report.results, in));
    }
    return report;
}

} // namespace tokenroute::kernels
