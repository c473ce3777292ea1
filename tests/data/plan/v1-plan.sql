-- A plan as TokenRoute's schema version 1 wrote it (before pools had memory_fraction and
-- tier_ids, and before the results table). make-v1-fixture.sh turns this into v1.trplan; the
-- plan tests open that file to check the migration to the current schema.
PRAGMA application_id = 1414680652;
BEGIN;
CREATE TABLE plan_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE policies (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    route_policy            TEXT NOT NULL,
    amortisation_years      REAL NOT NULL,
    electricity_usd_per_kwh REAL NOT NULL,
    pue                     REAL NOT NULL,
    cost_cap_usd_per_hour   REAL NOT NULL,
    use_cloud_prices        INTEGER NOT NULL
);
CREATE TABLE racks (
    id              INTEGER PRIMARY KEY,
    sort_order      INTEGER NOT NULL,
    name            TEXT NOT NULL,
    units           INTEGER NOT NULL,
    power_budget_kw REAL NOT NULL,
    cooling         TEXT NOT NULL,
    max_weight_kg   REAL NOT NULL DEFAULT 0,
    row_index       INTEGER NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pools (
    id                INTEGER PRIMARY KEY,
    sort_order        INTEGER NOT NULL,
    name              TEXT NOT NULL,
    role              TEXT NOT NULL,
    weights           TEXT NOT NULL,
    kv                TEXT NOT NULL,
    tp                INTEGER NOT NULL DEFAULT 0,
    pp                INTEGER NOT NULL DEFAULT 1,
    ep                INTEGER NOT NULL DEFAULT 1,
    edge_device_count REAL NOT NULL DEFAULT 0,
    edge_device_id    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    name       TEXT NOT NULL,
    catalog_id TEXT NOT NULL,
    rack_id    INTEGER NOT NULL REFERENCES racks(id),
    u_position INTEGER NOT NULL,
    pool_id    INTEGER REFERENCES pools(id)
);
CREATE INDEX items_by_rack ON items(rack_id);
CREATE TABLE links (
    id           INTEGER PRIMARY KEY,
    sort_order   INTEGER NOT NULL,
    from_item    INTEGER NOT NULL REFERENCES items(id),
    to_item      INTEGER NOT NULL REFERENCES items(id),
    link_type_id TEXT NOT NULL,
    lanes        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE workloads (
    id           INTEGER PRIMARY KEY,
    sort_order   INTEGER NOT NULL,
    name         TEXT NOT NULL,
    model_id     TEXT NOT NULL,
    rate_per_s   REAL NOT NULL,
    input_mean   REAL NOT NULL,
    input_p90    REAL NOT NULL DEFAULT 0,
    output_mean  REAL NOT NULL,
    output_p90   REAL NOT NULL DEFAULT 0,
    prefix_reuse REAL NOT NULL DEFAULT 0,
    ttft_slo_ms  REAL NOT NULL DEFAULT 0,
    tpot_slo_ms  REAL NOT NULL DEFAULT 0,
    interactive  INTEGER NOT NULL DEFAULT 1,
    edge         INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE workload_tags (
    workload_id INTEGER NOT NULL REFERENCES workloads(id) ON DELETE CASCADE,
    axis        TEXT NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (workload_id, axis)
);
CREATE TABLE imported_models (
    id         TEXT PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    document   TEXT NOT NULL
);
INSERT INTO plan_info (id, name, description) VALUES (1, 'Version 1 fixture', 'One rack, a prefill and a decode pool.');
INSERT INTO policies VALUES (1, 'latency', 5.0, 0.11, 1.4, 250.0, 1);
INSERT INTO racks VALUES (1, 0, 'Row A / Rack 1', 42, 40.0, 'air', 1200.0, 0, 0);
INSERT INTO pools (id, sort_order, name, role, weights, kv, tp, pp, ep, edge_device_count, edge_device_id)
    VALUES (2, 0, 'H100 prefill', 'prefill', 'fp8', 'fp8', 8, 1, 1, 0, '');
INSERT INTO pools (id, sort_order, name, role, weights, kv, tp, pp, ep, edge_device_count, edge_device_id)
    VALUES (3, 1, 'H100 decode', 'decode', 'bf16', 'bf16', 0, 1, 1, 0, '');
INSERT INTO items VALUES (4, 0, 'ToR', 'ib-ndr-switch', 1, 40, NULL);
INSERT INTO items VALUES (5, 1, 'Prefill node', 'dgx-h100', 1, 1, 2);
INSERT INTO items VALUES (6, 2, 'Decode node', 'dgx-h100', 1, 10, 3);
INSERT INTO links VALUES (7, 0, 5, 4, 'ib-ndr-400', 8);
INSERT INTO links VALUES (8, 1, 6, 4, 'ib-ndr-400', 8);
INSERT INTO workloads VALUES (9, 0, 'Chat', 'llama-3.1-70b', 12.5, 800, 2000, 300, 700, 0.3, 500, 50, 1, 0);
INSERT INTO workloads VALUES (10, 1, 'Batch', 'llama-3.1-8b', 3, 4000, 8000, 500, 900, 0, 0, 0, 0, 0);
INSERT INTO workload_tags VALUES (10, 'latency', 'batch');
COMMIT;
PRAGMA user_version = 1;
