<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>tokenroute::ui</name>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n file to %1.</numerusform>
            <numerusform>Wrote %n files to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rack(s)</source>
        <translation>
            <numerusform>%n rack</numerusform>
            <numerusform>%n racks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n server</numerusform>
            <numerusform>%n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n accelerator</numerusform>
            <numerusform>%n accelerators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n pool</numerusform>
            <numerusform>%n pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n workload</numerusform>
            <numerusform>%n workloads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not in the catalogue</source>
        <translation>
            <numerusform>%n item not in the catalogue</numerusform>
            <numerusform>%n items not in the catalogue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s) never hit: no shared prefix of a whole block</source>
        <translation>
            <numerusform>%n workload never hit: no shared prefix of a whole block</numerusform>
            <numerusform>%n workloads never hit: no shared prefix of a whole block</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::BenchPanel</name>
    <message numerus="yes">
        <source>%n result(s), %1 failed.</source>
        <translation>
            <numerusform>%n result, %1 failed.</numerusform>
            <numerusform>%n results, %1 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CatalogBrowser</name>
    <message numerus="yes">
        <source>%n entries. Select one to see its figures and their sources.</source>
        <translation>
            <numerusform>%n entry. Select it to see its figures and its sources.</numerusform>
            <numerusform>%n entries. Select one to see its figures and their sources.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CatalogModel</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::ChartsView</name>
    <message numerus="yes">
        <source>Stored %n chart series with their runs in the plan file.</source>
        <translation>
            <numerusform>Stored %n chart series with its run in the plan file.</numerusform>
            <numerusform>Stored %n chart series with their runs in the plan file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CompareView</name>
    <message numerus="yes">
        <source>The router, which holds each workload to its SLOs, needed %n more server(s) to serve the same demand, so B has %1 GPUs.</source>
        <translation>
            <numerusform>The router, which holds each workload to its SLOs, needed %n more server to serve the same demand, so B has %1 GPUs.</numerusform>
            <numerusform>The router, which holds each workload to its SLOs, needed %n more servers to serve the same demand, so B has %1 GPUs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlanStructureModel</name>
    <message numerus="yes">
        <source>%n rack(s)</source>
        <translation>
            <numerusform>%n rack</numerusform>
            <numerusform>%n racks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n pool</numerusform>
            <numerusform>%n pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n workload</numerusform>
            <numerusform>%n workloads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PoolListModel</name>
    <message numerus="yes">
        <source>No pool · %n server(s)</source>
        <translation>
            <numerusform>No pool · %n server</numerusform>
            <numerusform>No pool · %n servers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n server(s)</source>
        <translation>
            <numerusform>%1 · %n server</numerusform>
            <numerusform>%1 · %n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackDesigner</name>
    <message numerus="yes">
        <source>Select two items to connect: click one, then Ctrl+click the other (%n selected).</source>
        <translation>
            <numerusform>Select two items to connect: click one, then Ctrl+click the other (%n selected).</numerusform>
            <numerusform>Select two items to connect: click one, then Ctrl+click the other (%n selected).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackEditor</name>
    <message numerus="yes">
        <source>Move %n Item(s)</source>
        <translation>
            <numerusform>Move %n Item</numerusform>
            <numerusform>Move %n Items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>Delete %n Item</numerusform>
            <numerusform>Delete %n Items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s)</source>
        <translation>
            <numerusform>Deleted %n item</numerusform>
            <numerusform>Deleted %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Item(s)</source>
        <translation>
            <numerusform>Duplicate %n Item</numerusform>
            <numerusform>Duplicate %n Items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicated %n item(s)</source>
        <translation>
            <numerusform>Duplicated %n item</numerusform>
            <numerusform>Duplicated %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign %n Item(s) to %1</source>
        <translation>
            <numerusform>Assign %n Item to %1</numerusform>
            <numerusform>Assign %n Items to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %n Item(s) out of Their Pools</source>
        <translation>
            <numerusform>Take %n Item out of Its Pool</numerusform>
            <numerusform>Take %n Items out of Their Pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) now in %1</source>
        <translation>
            <numerusform>%n item now in %1</numerusform>
            <numerusform>%n items now in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) taken out of their pools</source>
        <translation>
            <numerusform>%n item taken out of its pool</numerusform>
            <numerusform>%n items taken out of their pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Link(s)</source>
        <translation>
            <numerusform>Delete %n Link</numerusform>
            <numerusform>Delete %n Links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n link(s)</source>
        <translation>
            <numerusform>Deleted %n link</numerusform>
            <numerusform>Deleted %n links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackInspector</name>
    <message numerus="yes">
        <source>&lt;h2&gt;%n items selected&lt;/h2&gt;</source>
        <translation>
            <numerusform>&lt;h2&gt;%n item selected&lt;/h2&gt;</numerusform>
            <numerusform>&lt;h2&gt;%n items selected&lt;/h2&gt;</numerusform>
        </translation>
    </message>
</context>
</TS>
