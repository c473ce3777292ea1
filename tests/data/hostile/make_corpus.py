#!/usr/bin/env python3
# Writes the small committed files of the hostile-input corpus. Each file is a valid input with one
# thing broken, so that the expected error names exactly that thing. Large and binary cases (deep
# nesting, long strings, damaged SQLite files) are built by test_hostile at run time instead.
# Run from this folder; the manifest (manifest.json) is kept by hand next to the files.
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(rel, text, binary=False):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(text if binary else text.encode('utf-8'))


def plan(**over):
    p = {
        "format": "tokenroute-plan", "version": 2, "name": "Hostile base", "description": "",
        "racks": [{"id": 1, "name": "R1", "units": 48, "power_budget_kw": 40, "cooling": "air", "row": 0, "position": 0}],
        "pools": [{"id": 10, "name": "P", "role": "combined", "weights": "fp8", "kv": "fp8", "tp": 0, "pp": 1, "ep": 1, "memory_fraction": 0.9}],
        "items": [{"id": 101, "name": "S1", "catalog_id": "hgx-h200", "rack_id": 1, "u_position": 1, "pool_id": 10}],
        "links": [],
        "workloads": [{"id": 301, "name": "Chat", "model_id": "llama-3.1-8b", "rate_per_s": 2, "input_mean": 1000,
                       "input_p90": 2000, "output_mean": 200, "output_p90": 400, "prefix_reuse": 0.5,
                       "ttft_slo_ms": 2000, "tpot_slo_ms": 50, "interactive": True, "edge": False}],
    }
    for k, v in over.items():
        p[k] = v
    return p


def wl(**over):
    w = plan()["workloads"][0]
    w.update(over)
    return w


def dump(o):
    return json.dumps(o, indent=1)


# Plan JSON
base = dump(plan())
write('plan/truncated.json', base[: len(base) // 2])
write('plan/racks-not-array.json', dump(plan(racks={"id": 1})))
write('plan/rack-units-string.json', base.replace('"units": 48', '"units": "48"'))
write('plan/rack-units-zero.json', base.replace('"units": 48', '"units": 0'))
write('plan/rack-units-negative.json', base.replace('"units": 48', '"units": -4'))
write('plan/rate-1e400.json', base.replace('"rate_per_s": 2', '"rate_per_s": 1e400'))
write('plan/rate-1e308.json', base.replace('"rate_per_s": 2', '"rate_per_s": 1e308'))
write('plan/rate-nan.json', base.replace('"rate_per_s": 2', '"rate_per_s": NaN'))
write('plan/rate-negative.json', base.replace('"rate_per_s": 2', '"rate_per_s": -1'))
write('plan/input-mean-huge.json', base.replace('"input_mean": 1000', '"input_mean": 99999999999999999999'))
write('plan/prefix-reuse-inf.json', base.replace('"prefix_reuse": 0.5', '"prefix_reuse": Infinity'))
write('plan/memory-fraction-zero.json', base.replace('"memory_fraction": 0.9', '"memory_fraction": 0'))
write('plan/name-invalid-utf8.json', base.encode('utf-8').replace(b'"Hostile base"', b'"Hostile \xff\xfe base"'), binary=True)
write('plan/wrong-format.json', base.replace('"tokenroute-plan"', '"something-else"'))
write('plan/version-future.json', base.replace('"version": 2', '"version": 999'))
write('plan/item-unknown-rack.json', base.replace('"rack_id": 1', '"rack_id": 77'))

# Catalogue (each file replaces one file of a copy of data/catalog)
write('catalog/not-object.json', '[1, 2, 3]\n')
write('catalog/truncated.json', '{"accelerators": [{"id": "h100-sxm", "name": "H1')
cat = json.load(open(os.path.join(HERE, '..', '..', '..', 'data', 'catalog', 'accelerators.json')))
first = cat["accelerators"][0]


def accel(mutate):
    a = json.loads(json.dumps(first))
    mutate(a)
    return dump({"accelerators": [a]})


write('catalog/memory-string.json', accel(lambda a: a.__setitem__("memory_gb", "eighty")))
write('catalog/memory-negative.json', accel(lambda a: a["memory_gb"].__setitem__("value", -80)))
write('catalog/memory-zero.json', accel(lambda a: a["memory_gb"].__setitem__("value", 0)))
write('catalog/bandwidth-1e400.json', accel(lambda a: a["memory_bandwidth_tbs"].__setitem__("value", "@HUGE@")).replace('"@HUGE@"', '1e400'))
write('catalog/bandwidth-nan.json', accel(lambda a: a["memory_bandwidth_tbs"].__setitem__("value", "@NAN@")).replace('"@NAN@"', 'NaN'))
write('catalog/no-source.json', accel(lambda a: a["memory_gb"].pop("source")))
write('catalog/id-invalid-utf8.json', accel(lambda a: a.__setitem__("name", "@BAD@")).encode('utf-8').replace(b'@BAD@', b'H\xc3\x28'), binary=True)
write('catalog/entries-not-array.json', dump({"accelerators": {"id": "x"}}))

# HF config.json
cfg = json.load(open(os.path.join(HERE, '..', 'model', 'llama-3.1-8b.json')))


def config(**over):
    c = dict(cfg)
    for k, v in over.items():
        if v is None:
            c.pop(k, None)
        else:
            c[k] = v
    return dump(c)


write('hfconfig/truncated.json', config()[:200])
write('hfconfig/layers-string.json', config(num_hidden_layers="32"))
write('hfconfig/layers-zero.json', config(num_hidden_layers=0))
write('hfconfig/heads-negative.json', config(num_attention_heads=-32))
write('hfconfig/hidden-1e400.json', config(hidden_size="@H@").replace('"@H@"', '1e400'))
write('hfconfig/hidden-fraction.json', config(hidden_size=4096.5))
write('hfconfig/vocab-huge.json', config(vocab_size=18446744073709551615))
write('hfconfig/hidden-nan.json', config(hidden_size="@H@").replace('"@H@"', 'NaN'))
write('hfconfig/missing-hidden.json', config(hidden_size=None))
write('hfconfig/model-type-invalid-utf8.json', config(model_type="@T@").encode().replace(b'@T@', b'll\xe2\x82ma'), binary=True)
write('hfconfig/heads-not-divisor.json', config(num_key_value_heads=7))
write('hfconfig/array.json', '[{"hidden_size": 4096}]\n')

# Traces
row = {"timestamp": 0, "input_length": 1000, "output_length": 10, "hash_ids": [0, 1]}
good = json.dumps(row) + '\n'
write('trace/mooncake-truncated.jsonl', good + good[:30])
write('trace/mooncake-input-string.jsonl', good + json.dumps(dict(row, input_length="1000")) + '\n')
write('trace/mooncake-input-negative.jsonl', good + json.dumps(dict(row, input_length=-5)) + '\n')
write('trace/mooncake-input-huge.jsonl', good + json.dumps(dict(row, input_length=10**20)) + '\n')
write('trace/mooncake-timestamp-nan.jsonl', good + json.dumps(dict(row, timestamp=5)).replace('5', 'NaN', 1) + '\n')
write('trace/mooncake-timestamp-1e400.jsonl', good + json.dumps(dict(row, timestamp=7)).replace(': 7', ': 1e400', 1) + '\n')
write('trace/mooncake-hash-negative.jsonl', good + json.dumps(dict(row, hash_ids=[0, -1])) + '\n')
write('trace/mooncake-invalid-utf8.jsonl', (good + '{"timestamp": 1, "input_length": 10, "output_length": 1, "hash_ids": [0], "x": "\xff"}\n').encode('latin-1'), binary=True)
write('trace/mooncake-not-json.jsonl', good + 'SELECT * FROM requests;\n')
azure = 'TIMESTAMP,ContextTokens,GeneratedTokens\n2024-03-05 20:15:10.0000000,4200,12\n'
write('trace/azure-truncated.csv', azure + '2024-03-05 20:15:14.1,48')
write('trace/azure-bad-time.csv', azure + '2023-13-45 99:17:04.1,48,10\n')
write('trace/azure-tokens-negative.csv', azure + '2024-03-05 20:15:15.0,-48,10\n')
write('trace/azure-tokens-huge.csv', azure + '2024-03-05 20:15:15.0,99999999999999999999,10\n')
write('trace/azure-tokens-nan.csv', azure + '2024-03-05 20:15:15.0,nan,10\n')
write('trace/azure-backwards.csv', azure + '2024-03-05 20:15:07.0,48,10\n')
write('trace/azure-no-header.csv', '2024-03-05 20:15:10.0000000,4200,12\n')
burst = 'Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n12,ChatGPT,630,44,674,Conversation log\n'
write('trace/burstgpt-time-inf.csv', burst + 'inf,ChatGPT,630,44,674,Conversation log\n')
write('trace/burstgpt-time-1e400.csv', burst + '1e400,ChatGPT,630,44,674,Conversation log\n')
write('trace/burstgpt-tokens-text.csv', burst + '13,ChatGPT,many,44,674,Conversation log\n')
write('trace/burstgpt-tokens-negative.csv', burst + '13,ChatGPT,-630,44,674,Conversation log\n')
write('trace/burstgpt-short-row.csv', burst + '13,ChatGPT\n')
write('trace/burstgpt-invalid-utf8.csv', (burst + '13,ChatGPT,63\xff0,44,674,Conversation log\n').encode('latin-1'), binary=True)
