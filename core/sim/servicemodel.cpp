#include "core/sim/servicemodel.h"

#include <cmath>
#include <unordered_map>
#include <vector>

#include "core/perf/perfmodel.h"

namespace tokenroute {

double LinearServiceModel::prefillSeconds(std::span<const PrefillWork> batch) const
{
    if (batch.empty())
        return 0;
    double tokens = 0, pairs = 0;
    for (const auto &w : batch) {
        tokens += w.newTokens;
        pairs += static_cast<double>(w.newTokens) * w.contextTokens;
    }
    return m_c.prefillFixedS + m_c.prefillPerTokenS * tokens + m_c.prefillPerTokenContextS * pairs;
}

double LinearServiceModel::decodeStepSeconds(int batch, long long totalContextTokens) const
{
    if (batch <= 0)
        return 0;
    return m_c.decodeFixedS + m_c.decodePerSequenceS * batch
        + m_c.decodePerContextTokenS * static_cast<double>(totalContextTokens);
}

namespace {

class PerfServiceModel final : public ServiceModel {
public:
    PerfServiceModel(const ModelArch &model, const DeviceSetup &setup, double busyW, double idleW)
        : m_model(model)
        , m_setup(setup)
        , m_busyW(busyW)
        , m_idleW(idleW)
    {
        const MemoryBudget budget = memoryBudget(m_model, m_setup);
        m_kvTokens = budget.fits ? budget.kvTokens : 0;
        m_kvBytes = budget.kvBytesPerToken;
    }

    double prefillSeconds(std::span<const PrefillWork> batch) const override
    {
        if (batch.empty())
            return 0;
        m_items.clear();
        for (const auto &w : batch)
            m_items.push_back(PrefillItem{w.newTokens, w.contextTokens});
        return prefill(m_model, m_setup, m_items).timeS;
    }

    double decodeStepSeconds(int batch, long long totalContextTokens) const override
    {
        if (batch <= 0)
            return 0;
        // Consecutive steps of one replica mostly fall in the same bucket: answer those from the
        // last bucket's bounds without a logarithm or a hash probe.
        const double total = static_cast<double>(totalContextTokens);
        if (batch == m_lastBatch && total >= m_lastLo && total < m_lastHi)
            return m_lastTime;
        const double mean = total / batch;
        // Context is bucketed on a log scale, 64 buckets per factor e (about 1.6 % wide): the step
        // time is smooth in the context, so the error is far below the model's own uncertainty.
        const auto bucket = static_cast<std::uint64_t>(std::lround(std::log1p(mean) * 64));
        const std::uint64_t key = (static_cast<std::uint64_t>(batch) << 32) | bucket;
        auto it = m_decodeMemo.find(key);
        double t;
        if (it != m_decodeMemo.end()) {
            t = it->second;
        } else {
            const double rep = std::expm1(static_cast<double>(bucket) / 64);
            t = decodeStep(m_model, m_setup, batch, rep).timeS;
            m_decodeMemo.emplace(key, t);
        }
        // Bounds of this bucket in total context, kept strictly inside the rounding edges so
        // the shortcut never answers for a neighbouring bucket.
        const double b = static_cast<double>(bucket);
        m_lastBatch = batch;
        m_lastLo = std::max(total, batch * std::expm1((b - 0.499) / 64));
        m_lastHi = batch * std::expm1((b + 0.499) / 64);
        m_lastTime = t;
        return t;
    }

    long long kvCapacityTokens() const override { return m_kvTokens; }
    double kvBytesPerToken() const override { return m_kvBytes; }
    double busyPowerW() const override { return m_busyW; }
    double idlePowerW() const override { return m_idleW; }

private:
    ModelArch m_model;
    DeviceSetup m_setup;
    double m_busyW, m_idleW;
    long long m_kvTokens = 0;
    double m_kvBytes = 0;
    mutable std::vector<PrefillItem> m_items;
    mutable std::unordered_map<std::uint64_t, double> m_decodeMemo;
    mutable int m_lastBatch = -1;
    mutable double m_lastLo = 0, m_lastHi = 0, m_lastTime = 0;
};

} // namespace

std::unique_ptr<ServiceModel> makePerfServiceModel(const ModelArch &model, const DeviceSetup &setup,
                                                   double busyPowerW, double idlePowerW)
{
    return std::make_unique<PerfServiceModel>(model, setup, busyPowerW, idlePowerW);
}

} // namespace tokenroute
