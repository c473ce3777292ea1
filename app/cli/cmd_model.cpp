// `tokenroute-cli model`: import a Hugging Face config.json, or show a catalogue model, as the
// figures the planner works with — parameters total and active, KV bytes per token, weight bytes
// per precision. Both paths go through the same core functions the perf model uses.

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/catalog/catalog.h"
#include "core/model/hfconfig.h"
#include "core/model/modelarch.h"
#include "core/model/weights.h"
#include "core/util/error.h"

namespace tokenroute::cli {

namespace {

using nlohmann::json;

constexpr Precision kShownPrecisions[] = {Precision::BF16, Precision::FP8, Precision::FP4, Precision::INT4};

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string count(double n)
{
    if (n >= 1e9)
        return fixed(n / 1e9, 2) + " B";
    if (n >= 1e6)
        return fixed(n / 1e6, 1) + " M";
    return fixed(n, 0);
}

json archJson(const ModelArch &a)
{
    const ParamCounts p = countParams(a);
    json j{{"family", a.family},
           {"layers", a.layers},
           {"hidden", a.hidden},
           {"heads", a.heads},
           {"kv_heads", a.kvHeads},
           {"head_dim", a.headDim},
           {"intermediate", a.intermediate},
           {"vocab", a.vocab},
           {"tied_embeddings", a.tiedEmbeddings},
           {"gated_ffn", a.gatedFfn},
           {"attention_bias", a.attentionBias},
           {"max_context", a.maxContext},
           {"sliding_window", a.slidingWindow},
           {"sliding_window_layers", a.slidingWindowLayers},
           {"total_params", p.total},
           {"active_params", p.active},
           {"embedding_params", p.embedding},
           {"kv_bytes_per_token", kvBytesPerToken(a, bytesPer(Precision::BF16))}};
    j["moe"] = a.isMoe() ? json{{"experts", a.moe.numExperts},
                                {"experts_per_token", a.moe.expertsPerToken},
                                {"shared_experts", a.moe.sharedExperts},
                                {"expert_intermediate", a.moe.expertIntermediate},
                                {"shared_intermediate", a.moe.sharedIntermediate},
                                {"first_dense_layers", a.moe.firstDenseLayers},
                                {"moe_layers", p.moeLayers},
                                {"params_per_expert", p.perExpert}}
                         : json(nullptr);
    j["mla"] = a.isMla() ? json{{"kv_lora_rank", a.mla.kvLoraRank},
                                {"q_lora_rank", a.mla.qLoraRank},
                                {"qk_nope_head_dim", a.mla.qkNopeHeadDim},
                                {"qk_rope_head_dim", a.mla.qkRopeHeadDim},
                                {"v_head_dim", a.mla.vHeadDim}}
                         : json(nullptr);
    json weights = json::object();
    for (Precision pr : kShownPrecisions)
        weights[toString(pr)] = weightBytes(a, pr) / 1e9;
    j["weight_gb"] = weights;
    return j;
}

void printArch(const ModelArch &a)
{
    const ParamCounts p = countParams(a);
    std::cout << "family      " << a.family << '\n';
    std::cout << "shape       " << a.layers << " layers, hidden " << a.hidden << ", vocab " << a.vocab
              << (a.tiedEmbeddings ? " (tied embeddings)" : "") << '\n';
    if (a.isMla())
        std::cout << "attention   MLA, " << a.heads << " heads, latent " << a.mla.kvLoraRank << " + rope "
                  << a.mla.qkRopeHeadDim << (a.mla.qLoraRank ? ", query rank " + std::to_string(a.mla.qLoraRank) : "")
                  << '\n';
    else
        std::cout << "attention   " << a.heads << " heads, " << a.kvHeads << " KV heads"
                  << (a.kvHeads == a.heads ? " (MHA)" : a.kvHeads == 1 ? " (MQA)" : " (GQA)") << ", head dim "
                  << a.headDim << (a.attentionBias ? ", with bias" : "") << '\n';
    if (a.slidingWindow > 0)
        std::cout << "window      " << a.slidingWindowLayers << " of " << a.layers << " layers attend to the last "
                  << a.slidingWindow << " tokens\n";
    if (a.isMoe())
        std::cout << "experts     " << a.moe.numExperts << " routed (" << a.moe.expertsPerToken << " per token, "
                  << a.moe.expertIntermediate << " wide)"
                  << (a.moe.sharedExperts ? ", " + std::to_string(a.moe.sharedExperts) + " shared" : "") << " in "
                  << p.moeLayers << " of " << a.layers << " layers\n";
    else
        std::cout << "ffn         " << (a.gatedFfn ? "gated, " : "plain MLP, ") << a.intermediate << " wide\n";
    std::cout << "parameters  " << count(p.total) << " total, " << count(p.active)
              << " active per token (the input-embedding lookup is not counted as active)\n";
    std::cout << "kv cache    " << fixed(kvBytesPerToken(a, bytesPer(Precision::BF16)), 0)
              << " bytes per token at bf16";
    if (a.maxContext > 0)
        std::cout << "; " << fixed(kvBytesForContext(a, a.maxContext, bytesPer(Precision::BF16)) / 1e9, 2)
                  << " GB for one " << a.maxContext << "-token sequence";
    std::cout << '\n';
    std::cout << "weights     ";
    const char *separator = "";
    for (Precision pr : kShownPrecisions) {
        std::cout << separator << toString(pr) << ' ' << fixed(weightBytes(a, pr) / 1e9, 2) << " GB";
        separator = ", ";
    }
    std::cout << " (embeddings, norms and routers kept at bf16)\n";
}

json statedJson(const ModelSpec &m, const char *key, double stated, double derived)
{
    if (stated <= 0)
        return nullptr;
    json j{{"value", stated}, {"derived", derived}, {"deviation_pct", 100.0 * (derived - stated) / stated}};
    if (auto it = m.provenance.find(key); it != m.provenance.end()) {
        if (!it->second.source.empty())
            j["source"] = it->second.source;
        if (!it->second.note.empty())
            j["note"] = it->second.note;
    }
    return j;
}

void printStated(const ModelSpec &m, const char *label, const char *key, double stated, double derived)
{
    if (stated <= 0)
        return;
    std::cout << label << count(stated) << " (derived " << fixed(100.0 * (derived - stated) / stated, 2) << " %)";
    if (auto it = m.provenance.find(key); it != m.provenance.end()) {
        if (!it->second.source.empty())
            std::cout << "\n            source: " << it->second.source;
        if (!it->second.note.empty())
            std::cout << "\n            note: " << it->second.note;
    }
    std::cout << '\n';
}

const ModelSpec &findModel(Context &ctx, const std::string &id)
{
    const Catalog &catalog = ctx.catalog();
    if (const ModelSpec *m = catalog.model(id))
        return *m;
    std::string known;
    for (const ModelSpec &m : catalog.models)
        known += (known.empty() ? "" : ", ") + m.id;
    throw InputError(ctx.dataDir() + "/catalog/models.json", id, "unknown model id; expected one of: " + known);
}

struct ModelOptions {
    std::string configPath;
    std::string id;
    bool json = false;
};

CommandRegistration reg{20, [](CLI::App &app, Context &ctx) {
    auto opts = std::make_shared<ModelOptions>();
    CLI::App *model = app.add_subcommand("model", "Import a Hugging Face config.json or show a catalogue model: "
                                                  "parameters, KV bytes per token, weight size per precision");
    model->require_subcommand(1);
    model->footer("Example: tokenroute-cli model import ~/models/Llama-3.1-8B/config.json --json");

    CLI::App *import = model->add_subcommand("import", "Read a Hugging Face config.json and derive total and active "
                                                       "parameters, KV bytes per token and weight GB per precision");
    import->add_option("config", opts->configPath, "Path to the model's config.json")->required();
    import->add_flag("--json", opts->json, "Print the result as JSON");
    import->footer("Example: tokenroute-cli model import deepseek-v3/config.json");
    import->callback([opts] {
        const ModelArch a = loadHfConfig(opts->configPath);
        if (opts->json) {
            json j = archJson(a);
            j["config"] = opts->configPath;
            std::cout << j.dump(2) << '\n';
            return;
        }
        std::cout << "config      " << opts->configPath << '\n';
        printArch(a);
    });

    CLI::App *show = model->add_subcommand("show", "Show a catalogue model with its derived figures and the "
                                                   "published parameter counts they are checked against");
    show->add_option("id", opts->id, "Model id, e.g. llama-3.1-70b")->required();
    show->add_flag("--json", opts->json, "Print the result as JSON");
    show->footer("Example: tokenroute-cli model show gpt-oss-120b --json");
    show->callback([opts, &ctx] {
        const ModelSpec &m = findModel(ctx, opts->id);
        const ParamCounts p = countParams(m.arch);
        if (opts->json) {
            json j = archJson(m.arch);
            j["id"] = m.id;
            j["name"] = m.name;
            j["stated_total_params"] = statedJson(m, "stated_total_params", m.statedTotalParams, p.total);
            j["stated_active_params"] = statedJson(m, "stated_active_params", m.statedActiveParams, p.active);
            std::cout << j.dump(2) << '\n';
            return;
        }
        std::cout << "model       " << m.name << " (" << m.id << ")\n";
        printArch(m.arch);
        printStated(m, "stated      total ", "stated_total_params", m.statedTotalParams, p.total);
        printStated(m, "stated      active ", "stated_active_params", m.statedActiveParams, p.active);
    });

    CLI::App *list = model->add_subcommand("list", "List the catalogue's models with parameters and KV bytes per token");
    list->add_flag("--json", opts->json, "Print the result as JSON");
    list->footer("Example: tokenroute-cli model list");
    list->callback([opts, &ctx] {
        const Catalog &catalog = ctx.catalog();
        json rows = json::array();
        for (const ModelSpec &m : catalog.models) {
            const ParamCounts p = countParams(m.arch);
            const double kv = kvBytesPerToken(m.arch, bytesPer(Precision::BF16));
            if (opts->json) {
                rows.push_back({{"id", m.id}, {"name", m.name}, {"total_params", p.total},
                                {"active_params", p.active}, {"kv_bytes_per_token", kv}});
                continue;
            }
            char line[256];
            std::snprintf(line, sizeof line, "%-16s %10s total %10s active %9.0f KV bytes/token  %s\n", m.id.c_str(),
                          count(p.total).c_str(), count(p.active).c_str(), kv, m.name.c_str());
            std::cout << line;
        }
        if (opts->json)
            std::cout << rows.dump(2) << '\n';
    });
}};

} // namespace

} // namespace tokenroute::cli
