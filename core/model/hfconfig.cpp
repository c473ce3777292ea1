// Hugging Face config.json -> ModelArch.
//
// The config format is not one schema but a family of them: GPT-J says n_layer/n_embd/n_head,
// Mixtral and gpt-oss say num_local_experts, Qwen-MoE num_experts with a separately sized shared
// expert, DeepSeek n_routed_experts with n_shared_experts and leading dense layers, and MLA models
// describe their latent instead of KV heads. Each ModelArch field is therefore read from a short
// list of alias names, and family defaults (plain or gated FFN, tied embeddings, attention bias)
// apply only where a config leaves a field out, as the transformers config classes do.
//
// Validation is strict because every later figure (memory per GPU, chips needed, $/Mtok) scales
// with these numbers: a missing, mistyped, zero, negative, fractional or non-finite value stops the
// import with the file, the field and what was expected.

#include "core/model/hfconfig.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/util/error.h"
#include "core/util/jsonguard.h"

namespace tokenroute {

using nlohmann::json;

namespace {

// Families whose FFN is a plain two-matrix MLP rather than a gated (SwiGLU/GeGLU) three-matrix one.
const std::set<std::string> kPlainMlpFamilies{"gpt2",  "gptj",   "gpt_neo", "gpt_neox", "gpt_bigcode", "opt",
                                              "bloom", "falcon", "mpt",     "phi",      "starcoder2",  "codegen"};
// Families whose config class ties the output head to the embedding unless told otherwise.
const std::set<std::string> kTiedByDefault{"gpt2", "gpt_neo", "gpt_bigcode", "opt", "bloom", "gemma", "gemma2",
                                           "gemma3_text"};
// Families with q/k/v biases and no attention_bias field in their configs.
const std::set<std::string> kBiasByDefault{"qwen2", "qwen2_moe"};
// Families whose sliding window applies only above max_window_layers, and only with use_sliding_window.
const std::set<std::string> kQwenWindowFamilies{"qwen2", "qwen2_moe", "qwen3", "qwen3_moe"};

std::string describe(const json &v)
{
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: return "a string (" + v.dump() + ")";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return v.dump();
    }
}

std::string aliasNote(std::initializer_list<const char *> names)
{
    if (names.size() < 2)
        return {};
    std::string s = " (also read as";
    bool first = true;
    for (auto it = names.begin() + 1; it != names.end(); ++it) {
        s += (first ? " " : ", ") + std::string(*it);
        first = false;
    }
    return s + ")";
}

// Reads fields of one config object; every failure names the file and the field path.
class ConfigReader {
public:
    ConfigReader(const json &config, const std::string &file, std::string prefix)
        : m_config(config)
        , m_file(file)
        , m_prefix(std::move(prefix))
    {
    }

    [[noreturn]] void fail(const std::string &field, const std::string &problem) const
    {
        throw InputError(m_file, m_prefix + field, problem);
    }

    // The first alias present with a non-null value; `used` receives its name.
    const json *find(std::initializer_list<const char *> names, std::string &used) const
    {
        for (const char *n : names) {
            auto it = m_config.find(n);
            if (it != m_config.end() && !it->is_null()) {
                used = n;
                return &*it;
            }
        }
        used = *names.begin();
        return nullptr;
    }

    bool has(const char *name) const
    {
        auto it = m_config.find(name);
        return it != m_config.end() && !it->is_null();
    }

    int required(std::initializer_list<const char *> names, int min = 1) const
    {
        std::string used;
        const json *v = find(names, used);
        if (!v)
            fail(used, "missing; expected " + expectation(min) + aliasNote(names));
        return integer(*v, used, min);
    }

    // Absent or null reads as `fallback`; a present value must still be valid.
    int optional(std::initializer_list<const char *> names, int fallback, int min = 0) const
    {
        std::string used;
        const json *v = find(names, used);
        return v ? integer(*v, used, min) : fallback;
    }

    bool flag(const char *name, bool fallback) const
    {
        std::string used;
        const json *v = find({name}, used);
        if (!v)
            return fallback;
        if (!v->is_boolean())
            fail(name, "expected true or false, got " + describe(*v));
        return v->get<bool>();
    }

    std::string text(const char *name) const
    {
        std::string used;
        const json *v = find({name}, used);
        if (!v)
            fail(name, "missing; expected a string naming the architecture (e.g. \"llama\")");
        if (!v->is_string() || v->get<std::string>().empty())
            fail(name, "expected a non-empty string, got " + describe(*v));
        return v->get<std::string>();
    }

    const json *raw(const char *name) const
    {
        std::string used;
        return find({name}, used);
    }

    int integer(const json &v, const std::string &field, int min) const
    {
        long long x = 0;
        if (v.is_number_unsigned()) {
            const auto u = v.get<unsigned long long>();
            if (u > static_cast<unsigned long long>(INT_MAX))
                fail(field, expectation(min) + " below 2^31, got " + v.dump());
            x = static_cast<long long>(u);
        } else if (v.is_number_integer()) {
            x = v.get<long long>();
        } else if (v.is_number_float()) {
            const double d = v.get<double>();
            if (std::isnan(d))
                fail(field, expectation(min) + ", got NaN");
            if (!std::isfinite(d))
                fail(field, expectation(min) + ", got infinity");
            // 4096.0 is written by some exporters and means 4096; 4096.5 means nothing.
            if (d != std::floor(d))
                fail(field, expectation(min) + " (a whole number), got " + v.dump());
            if (d > INT_MAX || d < INT_MIN)
                fail(field, expectation(min) + " below 2^31, got " + v.dump());
            x = static_cast<long long>(d);
        } else {
            fail(field, expectation(min) + ", got " + describe(v));
        }
        if (x < min)
            fail(field, expectation(min) + ", got " + std::to_string(x));
        if (x > INT_MAX)
            fail(field, expectation(min) + " below 2^31, got " + std::to_string(x));
        return static_cast<int>(x);
    }

private:
    static std::string expectation(int min)
    {
        return min > 0 ? "a positive integer" : "a non-negative integer";
    }

    const json &m_config;
    const std::string &m_file;
    std::string m_prefix;
};

void readAttention(const ConfigReader &r, ModelArch &a)
{
    a.heads = r.required({"num_attention_heads", "n_head"});
    std::string kvField;
    const bool kvGiven = r.find({"num_key_value_heads", "num_kv_heads", "n_head_kv"}, kvField) != nullptr;
    a.kvHeads = r.optional({"num_key_value_heads", "num_kv_heads", "n_head_kv"}, a.heads, 1);
    if (kvGiven && (a.kvHeads > a.heads || a.heads % a.kvHeads != 0))
        r.fail(kvField, "expected a divisor of num_attention_heads (" + std::to_string(a.heads) + "), got "
                            + std::to_string(a.kvHeads));

    // An explicit head_dim wins (Qwen3: 128 where hidden/heads is 64; gpt-oss: 64 where 2880/64
    // is not whole); otherwise it is hidden / heads, which must then divide exactly.
    a.headDim = r.optional({"head_dim"}, 0, 1);
    if (a.headDim == 0) {
        if (a.hidden % a.heads != 0)
            r.fail("num_attention_heads", "expected a divisor of hidden_size (" + std::to_string(a.hidden)
                                              + ") when head_dim is not given, got " + std::to_string(a.heads));
        a.headDim = a.hidden / a.heads;
    }
    a.attentionBias = r.flag("attention_bias", kBiasByDefault.count(a.family) > 0);
}

void readMla(const ConfigReader &r, ModelArch &a)
{
    a.mla.kvLoraRank = r.optional({"kv_lora_rank"}, 0, 0);
    if (a.mla.kvLoraRank == 0)
        return;
    a.mla.qLoraRank = r.optional({"q_lora_rank"}, 0, 0); // null: full-rank queries (DeepSeek-V2-Lite)
    a.mla.qkNopeHeadDim = r.required({"qk_nope_head_dim"});
    a.mla.qkRopeHeadDim = r.required({"qk_rope_head_dim"});
    a.mla.vHeadDim = r.required({"v_head_dim"});
    // The width a query and a key share per head; what "head dim" means for attention FLOPs.
    a.headDim = a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim;
}

void readMoe(const ConfigReader &r, ModelArch &a)
{
    std::string expertsField;
    r.find({"n_routed_experts", "num_local_experts", "num_experts"}, expertsField);
    const int experts = r.optional({"n_routed_experts", "num_local_experts", "num_experts"}, 0, 0);
    if (experts == 0)
        return;
    MoeShape &m = a.moe;
    m.numExperts = experts;

    // gpt-oss writes both spellings; if they disagree the config contradicts itself.
    m.expertsPerToken = r.required({"num_experts_per_tok", "experts_per_token", "moe_topk"});
    if (r.has("num_experts_per_tok") && r.has("experts_per_token")) {
        const int other = r.integer(*r.raw("experts_per_token"), "experts_per_token", 1);
        if (other != m.expertsPerToken)
            r.fail("experts_per_token", "expected the same value as num_experts_per_tok ("
                                            + std::to_string(m.expertsPerToken) + "), got " + std::to_string(other));
    }
    if (m.expertsPerToken > m.numExperts)
        r.fail(r.has("num_experts_per_tok") ? "num_experts_per_tok" : "experts_per_token",
               "expected at most " + expertsField + " (" + std::to_string(m.numExperts) + "), got "
                   + std::to_string(m.expertsPerToken));

    // Mixtral and gpt-oss size their experts with intermediate_size; DeepSeek and Qwen-MoE say
    // moe_intermediate_size and keep intermediate_size for their dense layers.
    m.expertIntermediate = r.optional({"moe_intermediate_size"}, a.intermediate, 1);

    // Shared experts: DeepSeek counts them in expert-sized units, Qwen-MoE gives one total width.
    const int nShared = r.optional({"n_shared_experts"}, 0, 0);
    const int qwenShared = r.optional({"shared_expert_intermediate_size"}, 0, 0);
    m.sharedExperts = nShared + (qwenShared > 0 ? 1 : 0);
    m.sharedIntermediate = nShared * m.expertIntermediate + qwenShared;

    m.firstDenseLayers = r.optional({"first_k_dense_replace"}, 0, 0);
    if (m.firstDenseLayers > a.layers)
        r.fail("first_k_dense_replace", "expected at most num_hidden_layers (" + std::to_string(a.layers) + "), got "
                                            + std::to_string(m.firstDenseLayers));
    // Qwen lists its dense layers; only a leading run 0..k-1 can be represented.
    if (const json *only = r.raw("mlp_only_layers")) {
        if (!only->is_array())
            r.fail("mlp_only_layers", "expected an array of layer indices, got " + describe(*only));
        for (std::size_t i = 0; i < only->size(); ++i) {
            const json &v = (*only)[i];
            if (!v.is_number_integer() || v.get<long long>() != static_cast<long long>(i))
                r.fail("mlp_only_layers[" + std::to_string(i) + "]",
                       "expected the leading layers 0, 1, ... k-1 in order (other sets are not supported), got "
                           + describe(v));
        }
        m.firstDenseLayers = std::max(m.firstDenseLayers, static_cast<int>(only->size()));
    }
    m.moeLayerStep = r.optional({"moe_layer_freq", "decoder_sparse_step"}, 1, 1);
    if (m.moeLayerStep > a.layers)
        r.fail("moe_layer_freq", "expected at most num_hidden_layers (" + std::to_string(a.layers) + "), got "
                                     + std::to_string(m.moeLayerStep));
}

void readSlidingWindow(const ConfigReader &r, ModelArch &a)
{
    // gpt-oss (and newer configs generally) list each layer's attention type.
    if (const json *types = r.raw("layer_types")) {
        if (!types->is_array())
            r.fail("layer_types", "expected an array of attention types, got " + describe(*types));
        if (static_cast<int>(types->size()) != a.layers)
            r.fail("layer_types", "expected one entry per layer (" + std::to_string(a.layers) + "), got "
                                      + std::to_string(types->size()));
        int sliding = 0;
        for (std::size_t i = 0; i < types->size(); ++i) {
            const json &t = (*types)[i];
            const std::string s = t.is_string() ? t.get<std::string>() : std::string();
            if (s == "sliding_attention")
                ++sliding;
            else if (s != "full_attention")
                r.fail("layer_types[" + std::to_string(i) + "]",
                       "expected \"full_attention\" or \"sliding_attention\", got " + describe(t));
        }
        if (sliding > 0) {
            a.slidingWindow = r.required({"sliding_window"});
            a.slidingWindowLayers = sliding;
        }
        return;
    }

    const int window = r.optional({"sliding_window"}, 0, 0);
    if (window == 0)
        return;
    if (kQwenWindowFamilies.count(a.family)) {
        // Qwen ships a sliding_window value with use_sliding_window false; when enabled, layers from
        // max_window_layers upward use it.
        if (!r.flag("use_sliding_window", false))
            return;
        const int fullLayers = std::min(a.layers, r.optional({"max_window_layers"}, 0, 0));
        if (fullLayers < a.layers) {
            a.slidingWindow = window;
            a.slidingWindowLayers = a.layers - fullLayers;
        }
        return;
    }
    if (!r.flag("use_sliding_window", true))
        return;
    a.slidingWindow = window;
    if (const int pattern = r.optional({"sliding_window_pattern"}, 0, 1); pattern > 0)
        a.slidingWindowLayers = a.layers - a.layers / pattern; // every pattern-th layer is global (Gemma 3)
    else if (a.family == "gemma2")
        a.slidingWindowLayers = (a.layers + 1) / 2; // even layers local, odd layers global
    else
        a.slidingWindowLayers = a.layers; // Mistral 7B v0.1: every layer
}

ModelArch parseObject(const json &config, const std::string &file, const std::string &prefix)
{
    const ConfigReader r(config, file, prefix);
    ModelArch a;
    a.family = r.text("model_type");
    a.hidden = r.required({"hidden_size", "n_embd", "d_model"});
    a.layers = r.required({"num_hidden_layers", "n_layer", "num_layers"});
    a.vocab = r.required({"vocab_size"});

    readAttention(r, a);

    // GPT-2 and GPT-J write n_inner: null for the customary 4 x hidden.
    std::string ffnField;
    if (r.find({"intermediate_size", "n_inner", "ffn_dim"}, ffnField))
        a.intermediate = r.required({"intermediate_size", "n_inner", "ffn_dim"});
    else if (config.contains("n_inner"))
        a.intermediate = 4 * a.hidden;
    else
        r.fail("intermediate_size", "missing; expected a positive integer (also read as n_inner, ffn_dim)");
    a.gatedFfn = kPlainMlpFamilies.count(a.family) == 0;
    a.tiedEmbeddings = r.flag("tie_word_embeddings", kTiedByDefault.count(a.family) > 0);
    a.maxContext = r.optional({"max_position_embeddings", "n_positions", "max_sequence_length", "seq_length"}, 0, 1);

    readMla(r, a);
    readMoe(r, a);
    readSlidingWindow(r, a);
    return a;
}

// nlohmann reports the byte offset of a parse error; people want the line and column.
std::string lineAndColumn(const std::string &text, std::size_t byte)
{
    const std::size_t offset = std::min(byte > 0 ? byte - 1 : 0, text.size());
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(offset - lineStart + 1);
}

// The parser's own sentence without its "[json.exception...] parse error at ...:" prefix.
std::string parseProblem(const std::string &what)
{
    const std::size_t at = what.find("parse error");
    const std::size_t colon = what.find(": ", at == std::string::npos ? 0 : at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

} // namespace

ModelArch parseHfConfig(const json &config, const std::string &file)
{
    if (!config.is_object())
        throw InputError(file, "", "expected a JSON object (the contents of a config.json), got " + describe(config));
    // Multimodal wrappers (Llama 4, Gemma 3, Mistral 3) nest the language model under text_config.
    const bool flat = config.contains("hidden_size") || config.contains("n_embd") || config.contains("d_model");
    auto text = config.find("text_config");
    if (!flat && text != config.end() && text->is_object()) {
        json merged = *text;
        if (!merged.contains("model_type") && config.contains("model_type"))
            merged["model_type"] = config.at("model_type");
        return parseObject(merged, file, "text_config.");
    }
    return parseObject(config, file, "");
}

ModelArch loadHfConfig(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "", "is a directory; expected a config.json file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "", "cannot open the file (missing or unreadable)");
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        throw InputError(path, "", "cannot read the file");
    const std::string text = buffer.str();

    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error &e) {
        throw InputError(path, lineAndColumn(text, e.byte), "malformed JSON: " + parseProblem(e.what()));
    } catch (const json::out_of_range &e) {
        // A number beyond a double (1e400): the parser names the literal but not where it is.
        const auto o = locateNumberOverflow(text, e.what());
        throw InputError(path, lineAndColumn(text, o.byte + 1), "a number a double can hold, got " + o.literal);
    }
    return parseHfConfig(doc, path);
}

} // namespace tokenroute
