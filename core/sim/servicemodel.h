#pragma once
// What the simulation needs to know about one replica of a pool, and nothing more: how long a
// prefill batch takes, how long one decode step takes for a batch and its total context, how many
// tokens of KV fit, and how many bytes a token of KV is. Keeping it this small decouples the event
// loop from the performance model (PerfServiceModel adapts it) and lets the queueing checks run on
// a deterministic model whose answers are known in closed form (LinearServiceModel).

#include <memory>
#include <span>

#include "core/catalog/catalog.h"
#include "core/model/modelarch.h"

namespace tokenroute {

struct DeviceSetup;

// One prompt's share of a prefill batch: newTokens are computed now; contextTokens are already in
// the KV cache (a prefix hit or earlier chunks) and only attended to.
struct PrefillWork {
    int newTokens = 0;
    int contextTokens = 0;
};

class ServiceModel {
public:
    virtual ~ServiceModel() = default;
    virtual double prefillSeconds(std::span<const PrefillWork> batch) const = 0;
    virtual double decodeStepSeconds(int batch, long long totalContextTokens) const = 0;
    virtual long long kvCapacityTokens() const = 0;
    virtual double kvBytesPerToken() const = 0;
    // Power of one replica while busy and while idle, for energy; 0 when unknown.
    virtual double busyPowerW() const { return 0; }
    virtual double idlePowerW() const { return 0; }
};

// prefill = fixed + perToken · Σ new tokens + perContextToken · Σ new × context;
// decode step = fixed + perSequence · batch + perContextToken · total context.
// Deterministic and exact, for tests and for what-if runs with measured coefficients.
class LinearServiceModel final : public ServiceModel {
public:
    struct Coefficients {
        double prefillFixedS = 0;
        double prefillPerTokenS = 0;
        double prefillPerTokenContextS = 0;   // attention over the cached context, per new × context token pair
        double decodeFixedS = 0;
        double decodePerSequenceS = 0;
        double decodePerContextTokenS = 0;
        long long kvCapacityTokens = 1000000;
        double kvBytesPerToken = 131072;      // Llama-3.1-8B at BF16: 2 · 32 layers · 8 heads · 128 · 2 B
    };
    explicit LinearServiceModel(Coefficients c) : m_c(c) {}

    double prefillSeconds(std::span<const PrefillWork> batch) const override;
    double decodeStepSeconds(int batch, long long totalContextTokens) const override;
    long long kvCapacityTokens() const override { return m_c.kvCapacityTokens; }
    double kvBytesPerToken() const override { return m_c.kvBytesPerToken; }

private:
    Coefficients m_c;
};

// The performance model's roofline per phase for one replica of a device setup (perfmodel.h).
// Decode steps are memoised on (batch, context rounded to 1/64 of itself) because the event loop
// asks for millions of steps whose answers differ only in the last digits.
std::unique_ptr<ServiceModel> makePerfServiceModel(const ModelArch &model, const DeviceSetup &setup,
                                                   double busyPowerW = 0, double idlePowerW = 0);

} // namespace tokenroute
