// Paths on hand-made topologies: widest path beats fewer hops, lanes multiply bandwidth, equal
// widths fall back to latency, servers of a third pool do not forward, unreachable pools are
// reported, link directions and oversubscription are tracked.

#include <QtTest>

#include "core/route/topology.h"

using namespace tokenroute;

namespace {

Catalog testCatalog()
{
    Catalog c;
    ServerSpec srv;
    srv.id = "srv";
    srv.kind = ServerKind::Server;
    ServerSpec sw;
    sw.id = "sw";
    sw.kind = ServerKind::Switch;
    c.servers = {srv, sw};
    LinkType fast;
    fast.id = "fast";
    fast.bandwidthGBs = 100;
    fast.latencyUs = 1;
    LinkType slow;
    slow.id = "slow";
    slow.bandwidthGBs = 50;
    slow.latencyUs = 0.5;
    LinkType slowFar = slow;
    slowFar.id = "slow-far";
    slowFar.latencyUs = 5;
    c.links = {fast, slow, slowFar};
    return c;
}

struct PlanBuilder {
    Plan plan;
    PlanBuilder()
    {
        plan.racks.push_back({1, "rack-a"});
        plan.pools.resize(3);
        plan.pools[0].id = 1;
        plan.pools[0].name = "prefill";
        plan.pools[0].role = PoolRole::Prefill;
        plan.pools[1].id = 2;
        plan.pools[1].name = "decode";
        plan.pools[1].role = PoolRole::Decode;
        plan.pools[2].id = 3;
        plan.pools[2].name = "other";
        plan.pools[2].role = PoolRole::Decode;
    }
    void item(int id, const char *name, const char *kind, int pool)
    {
        PlacedItem it;
        it.id = id;
        it.name = name;
        it.catalogId = kind;
        it.rackId = 1;
        it.poolId = pool;
        plan.items.push_back(it);
    }
    void link(int id, int from, int to, const char *type, int lanes = 1)
    {
        plan.links.push_back({id, from, to, type, lanes});
    }
};

} // namespace

class TestTopology : public QObject {
    Q_OBJECT

private slots:
    void widestPathBeatsFewerHops();
    void lanesMultiplyBandwidth();
    void equalWidthPrefersLowerLatency();
    void thirdPoolDoesNotForward();
    void unreachablePoolsAreReported();
    void directionFollowsThePlan();
    void oversubscribedLinks();
    void badLinksAreIgnoredWithAFinding();
    void graphHoldsRacksItemsAndLinks();
};

void TestTopology::widestPathBeatsFewerHops()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.item(12, "switch", "sw", 0);
    b.link(100, 10, 11, "slow");
    b.link(101, 10, 12, "fast");
    b.link(102, 12, 11, "fast");
    Topology t(b.plan, c);
    RoutePath p = t.path(1, 2);
    QVERIFY(p.reachable);
    QCOMPARE(p.bandwidthBytesPerS, 100e9);
    QCOMPARE(p.latencyMs, 0.002);
    QCOMPARE(p.links.size(), size_t(2));
    QCOMPARE(p.links[0].linkId, 101);
    QCOMPARE(p.links[1].linkId, 102);
}

void TestTopology::lanesMultiplyBandwidth()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.item(12, "switch", "sw", 0);
    b.link(100, 10, 11, "slow", 4);   // 200 GB/s direct
    b.link(101, 10, 12, "fast");
    b.link(102, 12, 11, "fast");
    Topology t(b.plan, c);
    RoutePath p = t.path(1, 2);
    QCOMPARE(p.bandwidthBytesPerS, 200e9);
    QCOMPARE(p.links.size(), size_t(1));
    QCOMPARE(p.links[0].linkId, 100);
}

void TestTopology::equalWidthPrefersLowerLatency()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.item(12, "switch", "sw", 0);
    b.link(100, 10, 11, "slow-far");   // 50 GB/s, 5 µs direct
    b.link(101, 10, 12, "slow");       // 50 GB/s, 0.5 µs + 0.5 µs through the switch
    b.link(102, 12, 11, "slow");
    Topology t(b.plan, c);
    RoutePath p = t.path(1, 2);
    QCOMPARE(p.bandwidthBytesPerS, 50e9);
    QCOMPARE(p.latencyMs, 0.001);
    QCOMPARE(p.links.size(), size_t(2));
}

void TestTopology::thirdPoolDoesNotForward()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.item(13, "c", "srv", 3);
    b.link(100, 10, 13, "fast");
    b.link(101, 13, 11, "fast");
    Topology t(b.plan, c);
    QVERIFY(!t.path(1, 2).reachable);
    QVERIFY(t.path(1, 3).reachable);
}

void TestTopology::unreachablePoolsAreReported()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.item(13, "c", "srv", 3);
    b.item(12, "switch", "sw", 0);
    b.link(101, 10, 12, "fast");
    b.link(102, 12, 11, "fast");
    Topology t(b.plan, c);
    std::vector<Finding> f = t.unreachablePools();
    QCOMPARE(f.size(), size_t(1));
    QCOMPARE(f[0].pool, std::string("prefill"));
    QCOMPARE(f[0].otherPool, std::string("other"));
    QVERIFY(describe(f[0]).find("prefill cannot send KV cache to pool other") != std::string::npos);
    // Paths cover every ordered pair of distinct pools.
    QCOMPARE(t.paths().size(), size_t(6));
}

void TestTopology::directionFollowsThePlan()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.link(100, 11, 10, "fast");   // written b → a
    Topology t(b.plan, c);
    RoutePath ab = t.path(1, 2);
    QCOMPARE(ab.links.size(), size_t(1));
    QVERIFY(!ab.links[0].forward);
    QVERIFY(t.path(2, 1).links[0].forward);
}

void TestTopology::oversubscribedLinks()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.item(13, "c", "srv", 3);
    b.item(12, "switch", "sw", 0);
    b.link(101, 10, 12, "slow");
    b.link(102, 12, 11, "fast");
    b.link(103, 12, 13, "fast");
    Topology t(b.plan, c);
    // 30 GB/s to each decode pool share the 50 GB/s prefill uplink: 60 GB/s is too much.
    auto traffic = linkTraffic({{t.path(1, 2), 30e9}, {t.path(1, 3), 30e9}});
    QCOMPARE(traffic.size(), size_t(3));
    std::vector<Finding> over = tokenroute::oversubscribedLinks(t.links(), traffic);
    QCOMPARE(over.size(), size_t(1));
    QCOMPARE(over[0].value, 60e9);
    QCOMPARE(over[0].limit, 50e9);
    QVERIFY(over[0].link.find("slow") != std::string::npos);
    // At 80 % warning level the fast links (30 of 100 GB/s) stay quiet.
    QCOMPARE(tokenroute::oversubscribedLinks(t.links(), traffic, 0.8).size(), size_t(1));
}

void TestTopology::badLinksAreIgnoredWithAFinding()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.link(100, 10, 11, "warp-drive");
    b.link(101, 10, 99, "fast");
    Topology t(b.plan, c);
    QCOMPARE(t.findings().size(), size_t(2));
    QVERIFY(t.findings()[0].code == FindingCode::LinkIgnored);
    QVERIFY(describe(t.findings()[0]).find("unknown link type warp-drive") != std::string::npos);
    QVERIFY(!t.path(1, 2).reachable);
}

void TestTopology::graphHoldsRacksItemsAndLinks()
{
    Catalog c = testCatalog();
    PlanBuilder b;
    b.item(10, "a", "srv", 1);
    b.item(11, "b", "srv", 2);
    b.link(100, 10, 11, "fast");
    Topology t(b.plan, c);
    QCOMPARE(boost::num_vertices(t.graph()), size_t(3));   // one rack, two servers
    QCOMPARE(boost::num_edges(t.graph()), size_t(3));      // two containment edges, one link
    QCOMPARE(t.links().size(), size_t(1));
    QCOMPARE(t.links()[0].bandwidthBytesPerS, 100e9);
}

QTEST_APPLESS_MAIN(TestTopology)
#include "test_topology.moc"
