<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>QObject</name>
    <message>
        <source>Export Chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 影像 (*.png);;SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>匯出為 PNG…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>匯出為 SVG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 影像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <source>%1
%2U, %3 cooling, %4 kW budget</source>
        <translation>%1
%2U，%3散熱，電力預算 %4 kW</translation>
    </message>
    <message>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>air</source>
        <translation>氣冷</translation>
    </message>
    <message>
        <source>%1U · %2 kW budget</source>
        <translation>%1U · 電力預算 %2 kW</translation>
    </message>
    <message>
        <source>Liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>氣冷</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>電力</translation>
    </message>
    <message>
        <source>%1 / %2 kW</source>
        <translation>%1 / %2 kW</translation>
    </message>
    <message>
        <source>%1 kW, no budget</source>
        <translation>%1 kW，無預算</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>%1 / %2 kg</source>
        <translation>%1 / %2 kg</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空間</translation>
    </message>
    <message>
        <source>%1 / %2 U</source>
        <translation>%1 / %2 U</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>%1U · %2 kW</source>
        <translation>%1U · %2 kW</translation>
    </message>
    <message>
        <source>%1 × %2G</source>
        <translation>%1 × %2G</translation>
    </message>
    <message>
        <source>U%1–U%2</source>
        <translation>U%1–U%2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Pool: %1 (%2)</source>
        <translation>&lt;br&gt;資源池：%1（%2）</translation>
    </message>
    <message>
        <source>%1× %2 · %3 GB/s</source>
        <translation>%1× %2 · %3 GB/s</translation>
    </message>
    <message>
        <source>%1
%2 lane(s) of %3
%4 GB/s per direction</source>
        <translation>%1
%3 共 %2 條通道
每方向 %4 GB/s</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從不</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 TB/s</source>
        <translation>%1 TB/s</translation>
    </message>
    <message>
        <source>%1 GB/s</source>
        <translation>%1 GB/s</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>%1 PFLOP</source>
        <translation>%1 PFLOP</translation>
    </message>
    <message>
        <source>%1 TFLOP</source>
        <translation>%1 TFLOP</translation>
    </message>
    <message>
        <source>%1 GFLOP</source>
        <translation>%1 GFLOP</translation>
    </message>
    <message>
        <source>compute-bound</source>
        <translation>運算受限</translation>
    </message>
    <message>
        <source>memory-bound</source>
        <translation>記憶體受限</translation>
    </message>
    <message>
        <source>interconnect-bound</source>
        <translation>互連受限</translation>
    </message>
    <message>
        <source>overhead-bound</source>
        <translation>開銷受限</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image or an SVG drawing</source>
        <translation>將此圖表儲存為 PNG 影像或 SVG 向量圖</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plan disaggregated LLM inference: where every token is computed, and why.</source>
        <translation>規劃分離式 LLM 推論：每個詞元在哪裡運算，以及原因。</translation>
    </message>
    <message>
        <source>Plan to open (.trplan or JSON); the demo plan when omitted.</source>
        <translation>要開啟的方案（.trplan 或 JSON）；省略時開啟示範方案。</translation>
    </message>
    <message>
        <source>Render the window to FILE (PNG) and exit.</source>
        <translation>將視窗繪製成 FILE（PNG）後結束。</translation>
    </message>
    <message>
        <source>Window size for --screenshot, WIDTHxHEIGHT.</source>
        <translation>--screenshot 的視窗大小，WIDTHxHEIGHT。</translation>
    </message>
    <message>
        <source>Catalogue entry to show, GROUP:ID (groups: devices servers links tiers models presets).</source>
        <translation>要顯示的型錄項目，GROUP:ID（群組：devices servers links tiers models presets）。</translation>
    </message>
    <message>
        <source>TokenRoute</source>
        <translation>TokenRoute</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui</name>
    <message>
        <source>Run a benchmark and store it with the plan: Benchmarks tab, or tokenroute-cli bench --quick --save PLAN.trplan</source>
        <translation>執行基準測試並與方案一起儲存：「基準測試」分頁，或 tokenroute-cli bench --quick --save PLAN.trplan</translation>
    </message>
    <message>
        <source>Time per output token, CDF</source>
        <translation>每個輸出詞元時間，CDF</translation>
    </message>
    <message>
        <source>Time to first token, CDF</source>
        <translation>首個詞元時間，CDF</translation>
    </message>
    <message>
        <source>TPOT (ms)</source>
        <translation>TPOT（ms）</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT（ms）</translation>
    </message>
    <message>
        <source>Fraction of requests</source>
        <translation>請求比例</translation>
    </message>
    <message>
        <source>No simulation run is stored with this plan. Run one in the Simulation tab of a saved plan, or: tokenroute-cli simulate PLAN.trplan --generate workload,requests=10000 --save</source>
        <translation>此方案未儲存任何模擬執行。請在已儲存方案的「模擬」分頁中執行，或：tokenroute-cli simulate PLAN.trplan --generate workload,requests=10000 --save</translation>
    </message>
    <message>
        <source>The latest simulation run (%1) has no %2 figures.</source>
        <translation>最近一次模擬執行（%1）沒有 %2 數據。</translation>
    </message>
    <message>
        <source>SLO %1 ms</source>
        <translation>SLO %1 ms</translation>
    </message>
    <message>
        <source>Simulation run %1 · %2 · %3 requests</source>
        <translation>模擬執行 %1 · %2 · %3 個請求</translation>
    </message>
    <message>
        <source>Simulation run %1 · %2 · coarse: the run stored only its percentiles (p50, p90, p99, max)</source>
        <translation>模擬執行 %1 · %2 · 粗略：此執行只儲存了百分位數（p50、p90、p99、max）</translation>
    </message>
    <message>
        <source>Prefix-cache hit ratio against capacity</source>
        <translation>前綴快取命中率與容量的關係</translation>
    </message>
    <message>
        <source>Cache capacity (blocks of 512 tokens)</source>
        <translation>快取容量（每區塊 512 個詞元）</translation>
    </message>
    <message>
        <source>No workload of this plan can be simulated: add a workload and a pool that holds its model.</source>
        <translation>此方案沒有可模擬的工作負載：請新增一個工作負載，以及一個能容納其模型的資源池。</translation>
    </message>
    <message>
        <source>TFLOP/s</source>
        <translation>TFLOP/s</translation>
    </message>
    <message>
        <source>No device of this plan has catalogue peaks. Add a pool with accelerators.</source>
        <translation>此方案沒有任何裝置具有型錄峰值。請新增含加速器的資源池。</translation>
    </message>
    <message>
        <source>GB/s</source>
        <translation>GB/s</translation>
    </message>
    <message>
        <source>No memory probe is stored and the plan has no devices. </source>
        <translation>未儲存記憶體探測結果，且方案中沒有裝置。</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>The plan has no racks. Add one in the Racks tab.</source>
        <translation>此方案沒有機櫃。請在「機櫃」分頁中新增。</translation>
    </message>
    <message>
        <source>IT power (rated)</source>
        <translation>IT 電力（額定）</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>預算</translation>
    </message>
    <message>
        <source>rack %1</source>
        <translation>機櫃 %1</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>數列</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速器</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>無法開啟 %1。</translation>
    </message>
    <message>
        <source>Cannot save %1.</source>
        <translation>無法儲存 %1。</translation>
    </message>
    <message>
        <source>Cannot export to %1.</source>
        <translation>無法匯出至 %1。</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>位於 %1：%2</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>在 %1 中：%2</translation>
    </message>
    <message>
        <source>pool %1</source>
        <translation>資源池 %1</translation>
    </message>
    <message>
        <source>workload %1</source>
        <translation>工作負載 %1</translation>
    </message>
    <message>
        <source>Item uses “%1”, which is not in the catalogue.</source>
        <translation>項目使用了「%1」，它不在型錄中。</translation>
    </message>
    <message>
        <source>Pool “%1” uses an accelerator not in the catalogue (%2).</source>
        <translation>資源池「%1」使用了不在型錄中的加速器（%2）。</translation>
    </message>
    <message>
        <source>Workload “%1” names model “%2”, which is neither in the catalogue nor imported.</source>
        <translation>工作負載「%1」指定的模型「%2」既不在型錄中，也未匯入。</translation>
    </message>
    <message>
        <source>Pool “%1” names memory tier “%2”, which is not in the catalogue.</source>
        <translation>資源池「%1」指定的記憶體層級「%2」不在型錄中。</translation>
    </message>
    <message>
        <source>Pool “%1” mixes accelerators (also %2).</source>
        <translation>資源池「%1」混用了不同加速器（另有 %2）。</translation>
    </message>
    <message>
        <source>Pool “%1” has no accelerators.</source>
        <translation>資源池「%1」沒有加速器。</translation>
    </message>
    <message>
        <source>Pool “%1” cannot hold the model of “%2”: one replica needs %3 devices.</source>
        <translation>資源池「%1」無法容納「%2」的模型：一個副本需要 %3 個裝置。</translation>
    </message>
    <message>
        <source>Pool “%1” cannot hold the model of “%2” on any number of its devices.</source>
        <translation>資源池「%1」在任何數量的裝置上都無法容納「%2」的模型。</translation>
    </message>
    <message>
        <source>Pool “%1” cannot run the model of “%2” with its parallel layout (%3).</source>
        <translation>資源池「%1」無法以其平行配置（%3）執行「%2」的模型。</translation>
    </message>
    <message>
        <source>No pool serves “%1” within its SLOs.</source>
        <translation>沒有資源池能在 SLO 內服務「%1」。</translation>
    </message>
    <message>
        <source>Rack “%1” draws %2 kW, over its %3 kW budget.</source>
        <translation>機櫃「%1」耗電 %2 kW，超過其 %3 kW 預算。</translation>
    </message>
    <message>
        <source>Rack “%1” uses %2 U, more than it has.</source>
        <translation>機櫃「%1」使用了 %2 U，超過其容量。</translation>
    </message>
    <message>
        <source>%1 % of the demand has no route within the SLOs.</source>
        <translation>%1 % 的需求沒有符合 SLO 的路由。</translation>
    </message>
    <message numerus="yes">
        <source>%n rack(s)</source>
        <translation>
            <numerusform>%n 個機櫃</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n 台伺服器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n 個加速器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n 個資源池</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n 個工作負載</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) not in the catalogue</source>
        <translation>
            <numerusform>%n 個項目不在型錄中</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · id %4</source>
        <translation>%1 · %2 · %3 · id %4</translation>
    </message>
    <message>
        <source>Peak %1 (dense)</source>
        <translation>%1 峰值（稠密）</translation>
    </message>
    <message>
        <source>%1 TFLOP/s</source>
        <translation>%1 TFLOP/s</translation>
    </message>
    <message>
        <source>Memory type</source>
        <translation>記憶體類型</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Memory bandwidth</source>
        <translation>記憶體頻寬</translation>
    </message>
    <message>
        <source>%1 TB/s</source>
        <translation>%1 TB/s</translation>
    </message>
    <message>
        <source>On-chip SRAM</source>
        <translation>晶片內 SRAM</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>權重</translation>
    </message>
    <message>
        <source>must be resident in on-chip SRAM</source>
        <translation>必須常駐於晶片內 SRAM</translation>
    </message>
    <message>
        <source>Scale-up bandwidth</source>
        <translation>縱向擴展頻寬</translation>
    </message>
    <message>
        <source>%1 GB/s each way</source>
        <translation>每方向 %1 GB/s</translation>
    </message>
    <message>
        <source>Scale-up domain</source>
        <translation>縱向擴展域</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n 個裝置</numerusform>
        </translation>
    </message>
    <message>
        <source>Host link</source>
        <translation>主機連結</translation>
    </message>
    <message>
        <source>Power (TDP)</source>
        <translation>功耗（TDP）</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>Cloud price</source>
        <translation>雲端價格</translation>
    </message>
    <message>
        <source>$%1 per hour</source>
        <translation>每小時 $%1</translation>
    </message>
    <message>
        <source>Compute efficiency (default)</source>
        <translation>運算效率（預設）</translation>
    </message>
    <message>
        <source>%1 % of peak</source>
        <translation>峰值的 %1 %</translation>
    </message>
    <message>
        <source>Memory efficiency (default)</source>
        <translation>記憶體效率（預設）</translation>
    </message>
    <message>
        <source>%1 · id %2</source>
        <translation>%1 · id %2</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>%1U</source>
        <translation>%1U</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Maximum power</source>
        <translation>最大功耗</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>主機記憶體</translation>
    </message>
    <message>
        <source>Local NVMe</source>
        <translation>本機 NVMe</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>Network ports</source>
        <translation>網路埠</translation>
    </message>
    <message>
        <source>Port speed</source>
        <translation>埠速率</translation>
    </message>
    <message>
        <source>%1 Gb/s</source>
        <translation>%1 Gb/s</translation>
    </message>
    <message>
        <source>Switch ports</source>
        <translation>交換器埠</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>頻寬</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 GB/s</source>
        <translation>%1 GB/s</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>%1 pJ/bit</source>
        <translation>%1 pJ/bit</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>$%1 per GB</source>
        <translation>每 GB $%1</translation>
    </message>
    <message>
        <source>Parameters (published)</source>
        <translation>參數量（公開數據）</translation>
    </message>
    <message>
        <source>Active parameters (published)</source>
        <translation>啟用參數量（公開數據）</translation>
    </message>
    <message>
        <source>Parameters (from the config)</source>
        <translation>參數量（取自設定檔）</translation>
    </message>
    <message>
        <source>Active per token (from the config)</source>
        <translation>每詞元啟用參數量（取自設定檔）</translation>
    </message>
    <message>
        <source>KV cache per token, BF16</source>
        <translation>每詞元 KV 快取，BF16</translation>
    </message>
    <message>
        <source>KV cache per token, FP8</source>
        <translation>每詞元 KV 快取，FP8</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層數</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隱藏層大小</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>MLA, %1 heads, KV rank %2</source>
        <translation>MLA，%1 個頭，KV 秩 %2</translation>
    </message>
    <message>
        <source>%1 query heads, %2 KV heads, head dim %3</source>
        <translation>%1 個查詢頭，%2 個 KV 頭，頭維度 %3</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>專家</translation>
    </message>
    <message>
        <source>%1 routed, %2 per token, %3 shared</source>
        <translation>%1 個路由專家，每詞元 %2 個，%3 個共享</translation>
    </message>
    <message>
        <source>FFN width</source>
        <translation>FFN 寬度</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>詞彙表</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 個詞元</translation>
    </message>
    <message>
        <source>Sliding window</source>
        <translation>滑動視窗</translation>
    </message>
    <message>
        <source>%1 tokens on %2 layers</source>
        <translation>%2 層上的 %1 個詞元</translation>
    </message>
    <message>
        <source>workload preset · id %1</source>
        <translation>工作負載預設 · id %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Arrival rate</source>
        <translation>到達率</translation>
    </message>
    <message>
        <source>%1 requests/s</source>
        <translation>%1 個請求/s</translation>
    </message>
    <message>
        <source>Prompt tokens, mean</source>
        <translation>提示詞元，平均</translation>
    </message>
    <message>
        <source>Prompt tokens, p90</source>
        <translation>提示詞元，p90</translation>
    </message>
    <message>
        <source>Output tokens, mean</source>
        <translation>輸出詞元，平均</translation>
    </message>
    <message>
        <source>Output tokens, p90</source>
        <translation>輸出詞元，p90</translation>
    </message>
    <message>
        <source>Prefix reuse</source>
        <translation>前綴重用</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Time to first token (SLO)</source>
        <translation>首個詞元時間（SLO）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time per output token (SLO)</source>
        <translation>每個輸出詞元時間（SLO）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>interactive</source>
        <translation>互動式</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>部署位置</translation>
    </message>
    <message>
        <source>edge device</source>
        <translation>邊緣裝置</translation>
    </message>
    <message>
        <source>data centre</source>
        <translation>資料中心</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>估計值</translation>
    </message>
    <message>
        <source>note</source>
        <translation>附註</translation>
    </message>
    <message>
        <source>Estimate.</source>
        <translation>估計值。</translation>
    </message>
    <message>
        <source>Estimate: %1</source>
        <translation>估計值：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>附註：%1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>derived by TokenRoute</source>
        <translation>由 TokenRoute 推導</translation>
    </message>
    <message>
        <source>Other sources</source>
        <translation>其他來源</translation>
    </message>
    <message>
        <source>Choose a workload to follow.</source>
        <translation>請選擇要追蹤的工作負載。</translation>
    </message>
    <message>
        <source>The router sends no request of %1 anywhere, so there is no request to follow.</source>
        <translation>路由器未將 %1 的任何請求送往任何地方，因此沒有可追蹤的請求。</translation>
    </message>
    <message>
        <source>The evaluation has no estimate of %1 on its route; check the plan&apos;s issues.</source>
        <translation>評估結果中沒有 %1 在其路由上的估計值；請檢查方案的問題。</translation>
    </message>
    <message>
        <source>Every number must be finite.</source>
        <translation>每個數字都必須是有限值。</translation>
    </message>
    <message>
        <source>A workload needs a name.</source>
        <translation>工作負載需要名稱。</translation>
    </message>
    <message>
        <source>A workload needs a model.</source>
        <translation>工作負載需要模型。</translation>
    </message>
    <message>
        <source>The arrival rate cannot be negative (%1 requests/s).</source>
        <translation>到達率不可為負值（%1 個請求/s）。</translation>
    </message>
    <message>
        <source>Mean input and output lengths must be at least one token.</source>
        <translation>平均輸入與輸出長度至少須為一個詞元。</translation>
    </message>
    <message>
        <source>The input p90 (%1 tokens) cannot be below its mean (%2 tokens).</source>
        <translation>輸入 p90（%1 個詞元）不可低於其平均值（%2 個詞元）。</translation>
    </message>
    <message>
        <source>The output p90 (%1 tokens) cannot be below its mean (%2 tokens).</source>
        <translation>輸出 p90（%1 個詞元）不可低於其平均值（%2 個詞元）。</translation>
    </message>
    <message>
        <source>Prefix reuse is a fraction between 0 and 1 (got %1).</source>
        <translation>前綴重用是介於 0 與 1 之間的比例（收到 %1）。</translation>
    </message>
    <message>
        <source>The TTFT SLO must be more than 0 ms.</source>
        <translation>TTFT SLO 必須大於 0 ms。</translation>
    </message>
    <message>
        <source>The TPOT SLO must be more than 0 ms.</source>
        <translation>TPOT SLO 必須大於 0 ms。</translation>
    </message>
    <message>
        <source>Host DRAM</source>
        <translation>主機 DRAM</translation>
    </message>
    <message>
        <source>Choose a pool with devices to see its memory tiers.</source>
        <translation>請選擇含裝置的資源池，以查看其記憶體層級。</translation>
    </message>
    <message>
        <source>No workload of the plan runs on %1, so no KV cache lives there.</source>
        <translation>方案中沒有工作負載在 %1 上執行，因此那裡沒有 KV 快取。</translation>
    </message>
    <message>
        <source>Hit ratios from the stored simulation run “%1”.</source>
        <translation>命中率取自已儲存的模擬執行「%1」。</translation>
    </message>
    <message>
        <source>Hit ratios: no simulation is stored with this plan. Run one in the Simulation tab and save it to a .trplan plan file; the ratio each tier earns then shows here.</source>
        <translation>命中率：此方案未儲存任何模擬。請在「模擬」分頁中執行一次，並儲存至 .trplan 方案檔；各層級的命中率就會顯示在這裡。</translation>
    </message>
    <message>
        <source>Hit ratios: no stored simulation run keeps a prefix cache on %1 (the simulator caches prefixes where prompts are prefilled).</source>
        <translation>命中率：沒有已儲存的模擬執行在 %1 上保留前綴快取（模擬器會在預填提示的位置快取前綴）。</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>匯出報告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Tables to Folder</source>
        <translation>將表格匯出至資料夾</translation>
    </message>
    <message>
        <source>Export Charts to Folder</source>
        <translation>將圖表匯出至資料夾</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>已將 %n 個檔案寫入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>匯出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Report (PDF)…</source>
        <translation>報告 (PDF)(&amp;R)…</translation>
    </message>
    <message>
        <source>A multi-page PDF of the plan: summary, racks, routing with reasons, costs, charts</source>
        <translation>方案的多頁 PDF：摘要、機櫃、附理由的路由、成本、圖表</translation>
    </message>
    <message>
        <source>&amp;Charts (PNG and SVG)…</source>
        <translation>圖表 (PNG 與 SVG)(&amp;C)…</translation>
    </message>
    <message>
        <source>Every chart as a PNG image and an SVG drawing, into a folder</source>
        <translation>將每張圖表存成 PNG 影像與 SVG 向量圖，放入資料夾</translation>
    </message>
    <message>
        <source>&amp;Tables (CSV)…</source>
        <translation>表格 (CSV)(&amp;T)…</translation>
    </message>
    <message>
        <source>Racks, equipment, routes, costs and each chart&apos;s data as CSV, into a folder</source>
        <translation>將機櫃、設備、路由、成本及每張圖表的資料存成 CSV，放入資料夾</translation>
    </message>
    <message>
        <source>No workload&apos;s traffic shares a whole 512-token block of prompt (%1).</source>
        <translation>沒有工作負載的流量共用一個完整的 512 詞元提示區塊（%1）。</translation>
    </message>
    <message>
        <source>Roofline</source>
        <translation>Roofline</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>這台電腦</translation>
    </message>
    <message>
        <source>Benchmark run %1 · dots: measured kernels</source>
        <translation>基準測試執行 %1 · 圓點：實測核心</translation>
    </message>
    <message>
        <source>Benchmark run %1 on %2 · dots: measured kernels</source>
        <translation>基準測試執行 %1（於 %2）· 圓點：實測核心</translation>
    </message>
    <message>
        <source>Catalogue peaks; no benchmark run stored (tokenroute-cli bench --quick --save PLAN)</source>
        <translation>型錄峰值；未儲存基準測試執行（tokenroute-cli bench --quick --save PLAN）</translation>
    </message>
    <message>
        <source>Memory hierarchy</source>
        <translation>記憶體階層</translation>
    </message>
    <message>
        <source>measured · %1</source>
        <translation>實測 · %1</translation>
    </message>
    <message>
        <source>Benchmark run %1: memory probe · pools: catalogue tiers</source>
        <translation>基準測試執行 %1：記憶體探測 · 資源池：型錄層級</translation>
    </message>
    <message>
        <source>No memory probe stored: catalogue tier figures, not measurements</source>
        <translation>未儲存記憶體探測結果：型錄層級數據，並非實測值</translation>
    </message>
    <message>
        <source>Power per rack</source>
        <translation>各機櫃電力</translation>
    </message>
    <message>
        <source>Rated IT power of each rack&apos;s items against the rack&apos;s budget</source>
        <translation>各機櫃內項目的額定 IT 電力與機櫃預算</translation>
    </message>
    <message>
        <source>SRAM</source>
        <translation>SRAM</translation>
    </message>
    <message>
        <source>HBM / GDDR</source>
        <translation>HBM / GDDR</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>快閃記憶體</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>遠端</translation>
    </message>
    <message>
        <source>HBM</source>
        <translation>HBM</translation>
    </message>
    <message>
        <source>GDDR</source>
        <translation>GDDR</translation>
    </message>
    <message>
        <source>LPDDR</source>
        <translation>LPDDR</translation>
    </message>
    <message>
        <source>CXL DRAM</source>
        <translation>CXL DRAM</translation>
    </message>
    <message>
        <source>NVMe flash</source>
        <translation>NVMe 快閃記憶體</translation>
    </message>
    <message>
        <source>The performance model finds no operating point of %1 on its route.</source>
        <translation>效能模型在 %1 的路由上找不到運作點。</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>%1 generated requests each · dots: pool tiers</source>
        <translation>各產生 %1 個請求 · 圓點：資源池層級</translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s) never hit: no shared prefix of a whole block</source>
        <translation>
            <numerusform>%n 個工作負載從未命中：沒有共用一個完整區塊的前綴</numerusform>
        </translation>
    </message>
    <message>
        <source>FLOP per byte</source>
        <translation>每位元組 FLOP</translation>
    </message>
    <message>
        <source>Size per device (GB)</source>
        <translation>每裝置大小（GB）</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::AddImportedModel</name>
    <message>
        <source>Import Model Config</source>
        <translation>匯入模型設定</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::BenchPanel</name>
    <message>
        <source>Kernels</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>Prefill (GEMM)</source>
        <translation>預填（GEMM）</translation>
    </message>
    <message>
        <source>Decode (GEMV)</source>
        <translation>解碼（GEMV）</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>Smaller shapes and fewer repeats: seconds instead of minutes</source>
        <translation>較小的形狀與較少的重複次數：數秒而非數分鐘</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save to plan</source>
        <translation>儲存至方案</translation>
    </message>
    <message>
        <source>Use as calibration</source>
        <translation>用作校準</translation>
    </message>
    <message>
        <source>Store this run with the plan as its latest benchmark: &apos;tokenroute-cli estimate --calibration PLAN&apos; uses its efficiency factors</source>
        <translation>將此執行與方案一起儲存為最新的基準測試：&apos;tokenroute-cli estimate --calibration PLAN&apos; 會使用其效率係數</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>尚未執行。</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形狀</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Median ms</source>
        <translation>中位數 ms</translation>
    </message>
    <message>
        <source>GFLOP/s</source>
        <translation>GFLOP/s</translation>
    </message>
    <message>
        <source>GB/s</source>
        <translation>GB/s</translation>
    </message>
    <message>
        <source>Ratio to reference</source>
        <translation>與參考值之比</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正確</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>History in this plan</source>
        <translation>此方案中的歷史紀錄</translation>
    </message>
    <message>
        <source>Choose at least one kernel.</source>
        <translation>請至少選擇一個核心。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>執行中…</translation>
    </message>
    <message>
        <source>Cancelling after the current case…</source>
        <translation>目前的案例完成後取消…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), %1 failed.</source>
        <translation>
            <numerusform>%n 個結果，%1 個失敗。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>已取消；未儲存任何內容。</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>無法執行：%1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Showing the run stored %1.</source>
        <translation>顯示儲存於 %1 的執行。</translation>
    </message>
    <message>
        <source>Save the plan as a .trplan file first: results are stored inside it.</source>
        <translation>請先將方案儲存為 .trplan 檔：結果會儲存在檔案中。</translation>
    </message>
    <message>
        <source>Could not store the run: %1</source>
        <translation>無法儲存此執行：%1</translation>
    </message>
    <message>
        <source>Stored with %1.</source>
        <translation>已與 %1 一起儲存。</translation>
    </message>
    <message>
        <source>This run measured no calibration (run prefill or decode).</source>
        <translation>此執行沒有測得校準值（請執行預填或解碼）。</translation>
    </message>
    <message>
        <source>Calibration for %1: prefill η compute %2, decode η memory %3. &apos;estimate --calibration %4 --device %5&apos; applies it.</source>
        <translation>%1 的校準：預填 η 運算 %2，解碼 η 記憶體 %3。&apos;estimate --calibration %4 --device %5&apos; 會套用它。</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>無法讀取</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CatalogBrowser</name>
    <message>
        <source>Filter the catalogue (name, id or figure)</source>
        <translation>篩選型錄（名稱、id 或數據）</translation>
    </message>
    <message>
        <source>Select an entry to see its figures. Every figure names its source; estimates say why.</source>
        <translation>選擇項目以查看其數據。每項數據都註明來源；估計值會說明理由。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries. Select one to see its figures and their sources.</source>
        <translation>
            <numerusform>%n 個項目。選擇一個以查看其數據與來源。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CatalogModel</name>
    <message>
        <source>Devices</source>
        <translation>裝置數</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Memory tiers</source>
        <translation>記憶體層級</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>預設</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 個項目</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (id: %2)</source>
        <translation>%1（id：%2）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>關鍵數據</translation>
    </message>
    <message>
        <source>%1 GB · %2 TB/s</source>
        <translation>%1 GB · %2 TB/s</translation>
    </message>
    <message>
        <source> · %1 TFLOP/s BF16</source>
        <translation> · %1 TFLOP/s BF16</translation>
    </message>
    <message>
        <source>%1U · %2 × %3 Gb/s ports</source>
        <translation>%1U · %2 × %3 Gb/s 埠</translation>
    </message>
    <message>
        <source>%1U · %2 × %3 · %4 kW</source>
        <translation>%1U · %2 × %3 · %4 kW</translation>
    </message>
    <message>
        <source>%1U · %2 kW</source>
        <translation>%1U · %2 kW</translation>
    </message>
    <message>
        <source>%1 GB/s · %2 µs</source>
        <translation>%1 GB/s · %2 µs</translation>
    </message>
    <message>
        <source>%1 params, %2 active</source>
        <translation>%1 參數，%2 啟用</translation>
    </message>
    <message>
        <source>%1 params</source>
        <translation>%1 參數</translation>
    </message>
    <message>
        <source>%1 · %2 → %3 tokens</source>
        <translation>%1 · %2 → %3 個詞元</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::ChartsView</name>
    <message numerus="yes">
        <source>Stored %n chart series with their runs in the plan file.</source>
        <translation>
            <numerusform>已將 %n 個圖表數列與其執行一起儲存於方案檔中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not store the chart series: %1</source>
        <translation>無法儲存圖表數列：%1</translation>
    </message>
    <message>
        <source>Save the plan (.trplan) to keep simulation and benchmark runs and their chart series with it.</source>
        <translation>將方案儲存為 .trplan，即可一併保留模擬與基準測試執行及其圖表數列。</translation>
    </message>
    <message>
        <source>&amp;Simulation run:</source>
        <translation>模擬執行(&amp;S)：</translation>
    </message>
    <message>
        <source>The stored simulation run the latency CDFs are drawn from</source>
        <translation>延遲 CDF 所依據的已儲存模擬執行</translation>
    </message>
    <message>
        <source>&amp;Benchmark run:</source>
        <translation>基準測試執行(&amp;B)：</translation>
    </message>
    <message>
        <source>The stored benchmark run the roofline and memory charts are drawn from</source>
        <translation>屋頂線與記憶體圖表所依據的已儲存基準測試執行</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CompareView</name>
    <message>
        <source>Choose Plan…</source>
        <translation>選擇方案…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>All on one GPU pool</source>
        <translation>全部集中於單一 GPU 資源池</translation>
    </message>
    <message>
        <source>Another plan file</source>
        <translation>另一個方案檔</translation>
    </message>
    <message>
        <source>The GPU type of the single pool; its size comes from the sizing of the plan&apos;s workloads.</source>
        <translation>單一資源池的 GPU 類型；其規模來自對方案工作負載的容量規劃。</translation>
    </message>
    <message>
        <source>Pick the plan file (.trplan or JSON) to compare with</source>
        <translation>選擇要比較的方案檔（.trplan 或 JSON）</translation>
    </message>
    <message>
        <source>Write the comparison table as CSV</source>
        <translation>將比較表寫成 CSV</translation>
    </message>
    <message>
        <source>Compare this plan with</source>
        <translation>將此方案比較於</translation>
    </message>
    <message>
        <source>Cheapest GPU (sizing)</source>
        <translation>最便宜的 GPU（容量規劃）</translation>
    </message>
    <message>
        <source>Plan file %1</source>
        <translation>方案檔 %1</translation>
    </message>
    <message>
        <source>Compare With Plan</source>
        <translation>與方案比較</translation>
    </message>
    <message>
        <source>Plans (*.trplan *.json);;All files (*)</source>
        <translation>方案 (*.trplan *.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>This plan has no workloads yet. Add them in the Workloads tab to compare the plan with one GPU pool serving them all, or compare with another plan file (File &gt; Compare With…).</source>
        <translation>此方案尚無工作負載。請在「工作負載」分頁中新增，即可將方案與服務全部工作負載的單一 GPU 資源池比較，或與另一個方案檔比較（檔案 &gt; 比較對象…）。</translation>
    </message>
    <message>
        <source>Choose a plan file to compare with (File &gt; Compare With…).</source>
        <translation>請選擇要比較的方案檔（檔案 &gt; 比較對象…）。</translation>
    </message>
    <message>
        <source>Cannot build the plan to compare with: %1</source>
        <translation>無法建立要比較的方案：%1</translation>
    </message>
    <message>
        <source>no GPU type in the catalogue can serve this plan&apos;s workloads as one pool.</source>
        <translation>型錄中沒有任何 GPU 類型能以單一資源池服務此方案的工作負載。</translation>
    </message>
    <message>
        <source>All on one %1 pool</source>
        <translation>全部集中於單一 %1 資源池</translation>
    </message>
    <message>
        <source>Simulated percentiles are compared for the workloads simulated in both plans (their latest runs).</source>
        <translation>模擬百分位數僅比較在兩個方案中都模擬過的工作負載（取其最近一次執行）。</translation>
    </message>
    <message>
        <source>Simulate the same workloads in both plans (Simulation tab, then save) to compare latency percentiles; until then latency is compared as estimated.</source>
        <translation>請在兩個方案中模擬相同的工作負載（「模擬」分頁，然後儲存），即可比較延遲百分位數；在此之前延遲以估計值比較。</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>B against A: %1</source>
        <translation>B 相對於 A：%1</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>匯出比較</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>Even so, the router leaves %1 % of the demanded tokens unserved on this pool.</source>
        <translation>即使如此，路由器在此資源池上仍有 %1 % 的需求詞元未服務。</translation>
    </message>
    <message>
        <source>B serves A&apos;s workloads from one combined pool of %1 (prefill and decode on the same GPUs). The sizing needs %2 GPUs, bought as %3 × %4 (%5 GPUs).</source>
        <translation>B 以一個 %1 合併資源池服務 A 的工作負載（預填與解碼在同一批 GPU 上）。容量規劃需要 %2 個 GPU，以 %3 × %4 購置（%5 個 GPU）。</translation>
    </message>
    <message numerus="yes">
        <source>The router, which holds each workload to its SLOs, needed %n more server(s) to serve the same demand, so B has %1 GPUs.</source>
        <translation>
            <numerusform>路由器要求每個工作負載符合其 SLO，為服務相同需求多需 %n 台伺服器，因此 B 共有 %1 個 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>B has no simulation runs, so latency is compared as estimated.</source>
        <translation>B 沒有模擬執行，因此延遲以估計值比較。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::ComparisonModel</name>
    <message>
        <source>better</source>
        <translation>較佳</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>較差</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>whole plan</source>
        <translation>整個方案</translation>
    </message>
    <message>
        <source>Lower is better for this figure.</source>
        <translation>此數據越低越好。</translation>
    </message>
    <message>
        <source>Higher is better for this figure.</source>
        <translation>此數據越高越好。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作負載</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>Change (B − A)</source>
        <translation>變化（B − A）</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>變化 %</translation>
    </message>
    <message>
        <source>B is</source>
        <translation>B 為</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::CostsView</name>
    <message>
        <source>No workload is routed yet: add pools that can serve the workloads</source>
        <translation>尚無工作負載完成路由：請新增能服務這些工作負載的資源池</translation>
    </message>
    <message>
        <source>The plan could not be routed: %1</source>
        <translation>無法為此方案進行路由：%1</translation>
    </message>
    <message>
        <source>$ per million tokens, by workload</source>
        <translation>每百萬詞元 $，依工作負載</translation>
    </message>
    <message>
        <source>$ per million tokens, by pool</source>
        <translation>每百萬詞元 $，依資源池</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;input + output tokens · network not modelled&lt;/span&gt;</source>
        <translation>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;輸入 + 輸出詞元 · 未模擬網路&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;%2&lt;/span&gt;</source>
        <translation>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Capex (amortised)</source>
        <translation>資本支出（攤提）</translation>
    </message>
    <message>
        <source>Power (at PUE)</source>
        <translation>電費（含 PUE）</translation>
    </message>
    <message>
        <source>Cloud rental</source>
        <translation>雲端租用</translation>
    </message>
    <message>
        <source>%1 (idle)</source>
        <translation>%1（閒置）</translation>
    </message>
    <message>
        <source>$ / million tokens</source>
        <translation>$ / 百萬詞元</translation>
    </message>
    <message>
        <source>Operating curves: throughput per device against speed per user</source>
        <translation>運作曲線：每裝置吞吐量與每使用者速度的關係</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;No pool can serve a workload yet: add a pool whose devices hold a workload&apos;s model&lt;/span&gt;</source>
        <translation>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;尚無資源池能服務工作負載：請新增裝置能容納工作負載模型的資源池&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;swept over concurrency for the workload each pool carries most · dots: the plan&apos;s operating point at the SLOs&lt;/span&gt;</source>
        <translation>%1&lt;br&gt;&lt;span style=&apos;font-size:small; font-weight:normal&apos;&gt;依各資源池承載最多的工作負載掃描並行數 · 圓點：方案在 SLO 下的運作點&lt;/span&gt;</translation>
    </message>
    <message>
        <source>output tokens/s per user (log)</source>
        <translation>每使用者輸出詞元/s（對數）</translation>
    </message>
    <message>
        <source>output tokens/s per device (log)</source>
        <translation>每裝置輸出詞元/s（對數）</translation>
    </message>
    <message>
        <source>%1 at %2 concurrent</source>
        <translation>%1，並行數 %2</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::EvaluationSummary</name>
    <message>
        <source>$%1/M output tokens</source>
        <translation>$%1/百萬輸出詞元</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 % unserved</source>
        <translation>%1 % 未服務</translation>
    </message>
    <message>
        <source>1 SLO violation</source>
        <translation>1 項 SLO 違規</translation>
    </message>
    <message>
        <source>%1 SLO violations</source>
        <translation>%1 項 SLO 違規</translation>
    </message>
    <message>
        <source>Routing failed: %1</source>
        <translation>路由失敗：%1</translation>
    </message>
    <message>
        <source>No problems found (evaluated in %1 ms).</source>
        <translation>未發現問題（評估耗時 %1 ms）。</translation>
    </message>
    <message>
        <source>Routed around, not problems:</source>
        <translation>已被路由避開，並非問題：</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::Format</name>
    <message>
        <source>%1 T</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 B</source>
        <comment>billions</comment>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 k</source>
        <translation>%1 k</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <comment>bytes</comment>
        <translation>%1 B</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::GuidedTour</name>
    <message>
        <source>Racks</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>The demo plan has three racks: Rubin CPX servers for prefill, HGX H200 and Groq LPU servers for decode. Each server sits at its U position, coloured by its pool&apos;s role; power is shown against the rack&apos;s budget.</source>
        <translation>示範方案有三個機櫃：Rubin CPX 伺服器負責預填，HGX H200 與 Groq LPU 伺服器負責解碼。每台伺服器位於其 U 位置，依所屬資源池的角色著色；電力以機櫃預算為基準顯示。</translation>
    </message>
    <message>
        <source>Workloads and tags</source>
        <translation>工作負載與標籤</translation>
    </message>
    <message>
        <source>Workloads describe traffic: model, arrival rate, prompt and output lengths, prefix reuse and latency targets. Tags such as prefill-heavy, long context or interactive are derived from those figures and steer routing.</source>
        <translation>工作負載描述流量：模型、到達率、提示與輸出長度、前綴重用與延遲目標。預填密集、長上下文或互動式等標籤由這些數據推導，並引導路由。</translation>
    </message>
    <message>
        <source>Routing flow</source>
        <translation>路由流向</translation>
    </message>
    <message>
        <source>Each workload&apos;s prefill goes to compute-dense parts and its decode to bandwidth-rich ones; the KV cache travels between them. The routing view shows the flow, the share on each pool, and the reasons.</source>
        <translation>每個工作負載的預填送往運算密集的硬體，解碼送往頻寬充裕的硬體；KV 快取在兩者之間傳輸。路由檢視會顯示流向、各資源池的分擔比例與原因。</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>教學</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Dollars per million input and output tokens per workload, dollars per hour per pool, and energy per token. Every figure in the catalogue names its source or is marked as an estimate.</source>
        <translation>每個工作負載的每百萬輸入與輸出詞元美元成本、每個資源池的每小時美元成本，以及每詞元能耗。型錄中的每項數據都註明來源，或標示為估計值。</translation>
    </message>
    <message>
        <source>Benchmarks</source>
        <translation>基準測試</translation>
    </message>
    <message>
        <source>Measure prefill, decode and memory kernels on this machine and compare them with the catalogue&apos;s peak figures. Your edits go to your own copy of the demo plan; File &gt; Save As keeps a new one.</source>
        <translation>在這台電腦上量測預填、解碼與記憶體核心，並與型錄的峰值數據比較。您的編輯會存入您自己的示範方案副本；「檔案 &gt; 另存新檔」可另存一份新的。</translation>
    </message>
    <message>
        <source>Skip Tour</source>
        <translation>略過導覽</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Tour: step %1 of %2</source>
        <translation>導覽：第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Teaching mode follows one request: its prompt fills the prefill pool, its KV cache crosses the link, then decode emits one token per step, reading every weight each time. Space plays, the right arrow steps; Projector Mode (Ctrl+Shift+P) enlarges text for a room.</source>
        <translation>教學模式追蹤一個請求：它的提示填滿預填資源池，它的 KV 快取經由連結傳輸，接著解碼每一步輸出一個詞元，每次都讀取所有權重。空白鍵播放，向右鍵前進一步；投影模式（Ctrl+Shift+P）會放大文字以供整個教室觀看。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::LanguageText</name>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>TokenRoute will be shown in %1 from its next start.</source>
        <translation>TokenRoute 將於下次啟動時以%1顯示。</translation>
    </message>
    <message>
        <source>the system language</source>
        <translation>系統語言</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>立即重新啟動</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍後</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>系統語言</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::LinkDialog</name>
    <message>
        <source>Connect %1 and %2</source>
        <translation>連接 %1 與 %2</translation>
    </message>
    <message>
        <source>%1 — %2 GB/s per lane</source>
        <translation>%1 — 每通道 %2 GB/s</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>從：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Link &amp;type:</source>
        <translation>連結類型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Lanes:</source>
        <translation>通道數(&amp;L)：</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>總計：</translation>
    </message>
    <message>
        <source>%1 GB/s per direction</source>
        <translation>每方向 %1 GB/s</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::LiveEvaluation</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::MainWindow</name>
    <message>
        <source>TokenRoute plans (*.trplan)</source>
        <translation>TokenRoute 方案 (*.trplan)</translation>
    </message>
    <message>
        <source>Plan as JSON (*.json)</source>
        <translation>JSON 格式方案 (*.json)</translation>
    </message>
    <message>
        <source>Plans (*.trplan *.json);;All files (*)</source>
        <translation>方案 (*.trplan *.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty plan</source>
        <translation>開始一個空白方案</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a plan (.trplan or JSON)</source>
        <translation>開啟方案（.trplan 或 JSON）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the plan</source>
        <translation>儲存方案</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the plan to a new .trplan file</source>
        <translation>將方案儲存為新的 .trplan 檔</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>匯入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a plan from its JSON form</source>
        <translation>從 JSON 格式開啟方案</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>匯出 JSON(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the plan as JSON for review or version control</source>
        <translation>將方案寫成 JSON，以供審閱或版本控制</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit TokenRoute</source>
        <translation>結束 TokenRoute</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Plan &amp;Properties…</source>
        <translation>方案屬性(&amp;P)…</translation>
    </message>
    <message>
        <source>Rename the plan and edit its description</source>
        <translation>重新命名方案並編輯其說明</translation>
    </message>
    <message>
        <source>&amp;Projector Mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large text for presenting</source>
        <translation>放大文字以便簡報</translation>
    </message>
    <message>
        <source>&amp;About TokenRoute</source>
        <translation>關於 TokenRoute(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本與授權</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 &amp;Qt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>&amp;Plan Structure</source>
        <translation>方案結構(&amp;P)</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>型錄</translation>
    </message>
    <message>
        <source>&amp;Catalogue</source>
        <translation>型錄(&amp;C)</translation>
    </message>
    <message>
        <source>Racks</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>Rack elevations drawn to scale: every server, switch and PDU at its U position, coloured by the role of its pool, with power and weight against each rack&apos;s budget.</source>
        <translation>依比例繪製的機櫃立面圖：每台伺服器、交換器與 PDU 位於其 U 位置，依所屬資源池角色著色，並顯示電力與重量相對於各機櫃預算的情形。</translation>
    </message>
    <message>
        <source>prints each rack&apos;s units used and power against its budget.</source>
        <translation>列出每個機櫃已用的 U 數與電力相對於其預算的情形。</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作負載</translation>
    </message>
    <message>
        <source>A table of the plan&apos;s workloads — model, arrival rate, prompt and output lengths, prefix reuse and latency targets — with the tags derived from them (prefill-heavy, long context, interactive, …).</source>
        <translation>方案工作負載的表格——模型、到達率、提示與輸出長度、前綴重用與延遲目標——以及由此推導的標籤（預填密集、長上下文、互動式、…）。</translation>
    </message>
    <message>
        <source>prints each workload with its derived tags and the reasons for them; &apos;plan show PLAN&apos; lists the workloads&apos; figures.</source>
        <translation>列出每個工作負載及其推導出的標籤與理由；&apos;plan show PLAN&apos; 會列出工作負載的數據。</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Which pool computes each workload&apos;s prefill and which its decode, why, and the KV cache transfer between them, drawn as a flow from workloads to pools.</source>
        <translation>每個工作負載的預填與解碼分別由哪個資源池運算、原因為何，以及兩者之間的 KV 快取傳輸，以從工作負載流向資源池的流程圖呈現。</translation>
    </message>
    <message>
        <source>prints each workload&apos;s routes with their share, cost and latency, why they were chosen, and the KV traffic on the links.</source>
        <translation>列出每個工作負載的路由及其分擔比例、成本與延遲、選擇原因，以及連結上的 KV 流量。</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Where each pool keeps its KV cache across SRAM, HBM, host DRAM and flash: capacity per tier, the tokens that fit, and what a hit in each tier costs against recomputing the prefill.</source>
        <translation>各資源池如何將 KV 快取分布於 SRAM、HBM、主機 DRAM 與快閃記憶體：每個層級的容量、可容納的詞元，以及每個層級的命中成本與重新預填的比較。</translation>
    </message>
    <message>
        <source>prints the memory a model needs on a device: weights, activations, and the KV cache that fits in the rest; &apos;route PLAN&apos; prints each pool&apos;s KV cache use.</source>
        <translation>列出模型在某裝置上所需的記憶體：權重、活化值，以及剩餘空間可容納的 KV 快取；&apos;route PLAN&apos; 會列出每個資源池的 KV 快取使用量。</translation>
    </message>
    <message>
        <source>Benchmarks</source>
        <translation>基準測試</translation>
    </message>
    <message>
        <source>The prefill, decode and memory microkernels measured on this machine, placed on a roofline next to the catalogue&apos;s peak figures for its devices.</source>
        <translation>在這台電腦上量測的預填、解碼與記憶體微核心，與型錄中各裝置的峰值數據一同標示在 Roofline 圖上。</translation>
    </message>
    <message>
        <source>runs the microkernels and prints achieved FLOP/s and bandwidth.</source>
        <translation>執行微核心並列出達成的 FLOP/s 與頻寬。</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Dollars per million input and output tokens for each workload, dollars per hour per pool, energy per token and kilowatts per rack.</source>
        <translation>每個工作負載的每百萬輸入與輸出詞元美元成本、每個資源池的每小時美元成本、每詞元能耗與每個機櫃的千瓦數。</translation>
    </message>
    <message>
        <source>prints dollars per million tokens for each route and dollars per hour for each pool.</source>
        <translation>列出每條路由的每百萬詞元美元成本，以及每個資源池的每小時美元成本。</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>模擬</translation>
    </message>
    <message>
        <source>Requests from a trace or a generator run through the routed plan: time-to-first-token, time per output token and end-to-end latency distributions, goodput, and prefix-cache hits per memory tier.</source>
        <translation>來自追蹤檔或產生器的請求流經已路由的方案：首個詞元時間、每個輸出詞元時間與端到端延遲分布、有效吞吐量，以及各記憶體層級的前綴快取命中。</translation>
    </message>
    <message>
        <source>replays generated traffic (or a trace, with --trace) through the routed plan and prints the percentiles.</source>
        <translation>將產生的流量（或以 --trace 指定的追蹤檔）重播通過已路由的方案，並列出百分位數。</translation>
    </message>
    <message>
        <source>Selected %1 on %2</source>
        <translation>已選取 %2 上的 %1</translation>
    </message>
    <message>
        <source>its KV links</source>
        <translation>其 KV 連結</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>未命名方案</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已匯出 %1</translation>
    </message>
    <message>
        <source>TokenRoute</source>
        <translation>TokenRoute</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them first?</source>
        <translation>「%1」有未儲存的變更。要先儲存嗎？</translation>
    </message>
    <message>
        <source>%1[*] — TokenRoute</source>
        <translation>%1[*] — TokenRoute</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent plans</source>
        <translation>沒有最近開啟的方案</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除選單(&amp;C)</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>開啟方案</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>將方案另存為</translation>
    </message>
    <message>
        <source>Import Plan from JSON</source>
        <translation>從 JSON 匯入方案</translation>
    </message>
    <message>
        <source>Export Plan as JSON</source>
        <translation>將方案匯出為 JSON</translation>
    </message>
    <message>
        <source>Plan Properties</source>
        <translation>方案屬性</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>說明(&amp;D)：</translation>
    </message>
    <message>
        <source>About TokenRoute</source>
        <translation>關於 TokenRoute</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TokenRoute %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;TokenRoute %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Plans disaggregated LLM inference: where every token is computed, what it costs, and why there.&lt;br&gt;&lt;br&gt;Catalogue: %1 devices, %2 servers, %3 models, every figure with its source.&lt;br&gt;Data folder: %4</source>
        <translation>規劃分離式 LLM 推論：每個詞元在哪裡運算、成本多少，以及為何在那裡。&lt;br&gt;&lt;br&gt;型錄：%1 種裝置、%2 種伺服器、%3 個模型，每項數據皆附來源。&lt;br&gt;資料夾：%4</translation>
    </message>
    <message>
        <source>TokenRoute did not close normally. A plan with unsaved changes was kept from %1. Recover it?</source>
        <translation>TokenRoute 上次未正常關閉。已保留一份來自 %1、含未儲存變更的方案。要復原嗎？</translation>
    </message>
    <message>
        <source>Could not recover the plan: %1</source>
        <translation>無法復原方案：%1</translation>
    </message>
    <message>
        <source>Recovered the unsaved plan; save it to keep it.</source>
        <translation>已復原未儲存的方案；請儲存以保留它。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>圖表</translation>
    </message>
    <message>
        <source>Compare &amp;With…</source>
        <translation>比較對象(&amp;W)…</translation>
    </message>
    <message>
        <source>Compare this plan with another plan file (.trplan or JSON)</source>
        <translation>將此方案與另一個方案檔（.trplan 或 JSON）比較</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::MemoryView</name>
    <message>
        <source>Pool:</source>
        <translation>資源池：</translation>
    </message>
    <message>
        <source>KV cache of:</source>
        <translation>KV 快取所屬：</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>層級</translation>
    </message>
    <message>
        <source>Capacity (log scale)</source>
        <translation>容量（對數刻度）</translation>
    </message>
    <message>
        <source>KV tokens</source>
        <translation>KV 詞元</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>Fetch or recompute the prefix</source>
        <translation>讀取或重新運算前綴</translation>
    </message>
    <message>
        <source>not in the catalogue</source>
        <translation>不在型錄中</translation>
    </message>
    <message>
        <source>%1 for KV</source>
        <translation>%1 供 KV</translation>
    </message>
    <message>
        <source>size not stated in the plan</source>
        <translation>方案中未指定大小</translation>
    </message>
    <message>
        <source>not in this pool</source>
        <translation>不在此資源池中</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Recomputing wins at every length</source>
        <translation>任何長度皆以重算較划算</translation>
    </message>
    <message>
        <source>Fetching wins below %1 tokens</source>
        <translation>少於 %1 詞元時讀取較划算</translation>
    </message>
    <message>
        <source>Recomputing wins from %1 to %2 tokens</source>
        <translation>%1 至 %2 詞元時重算較划算</translation>
    </message>
    <message>
        <source>Holds no KV cache</source>
        <translation>不存放 KV 快取</translation>
    </message>
    <message>
        <source>Not in this pool</source>
        <translation>不在此資源池中</translation>
    </message>
    <message>
        <source>This prefix: fetch %1, recompute %2</source>
        <translation>此前綴：讀取 %1，重算 %2</translation>
    </message>
    <message>
        <source>Memory tiers of %1</source>
        <translation>%1 的記憶體層級</translation>
    </message>
    <message>
        <source>%1 × %2 · KV cache of %3 (%4) · capacity on a log scale; orange rungs hold KV cache.</source>
        <translation>%1 × %2 · %3 的 KV 快取（%4）· 容量採對數刻度；橘色階層存放 KV 快取。</translation>
    </message>
    <message>
        <source>It reuses a prefix of %1 tokens: the last column says whether fetching it from the tier beats computing it again.</source>
        <translation>它重用 %1 個詞元的前綴：最後一欄說明從該層級讀取是否勝過重新運算。</translation>
    </message>
    <message>
        <source>It reuses no prefix.</source>
        <translation>它不重用前綴。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Energy, price</source>
        <translation>能耗、價格</translation>
    </message>
    <message>
        <source>%1, no KV</source>
        <translation>%1，無 KV</translation>
    </message>
    <message>
        <source>%1 pJ/bit</source>
        <translation>%1 pJ/bit</translation>
    </message>
    <message>
        <source>%1/GB</source>
        <translation>%1/GB</translation>
    </message>
    <message>
        <source>Fetching wins at every length up to %1 tokens</source>
        <translation>%1 詞元以內皆以讀取較划算</translation>
    </message>
    <message>
        <source>Fetching wins from %1 tokens on</source>
        <translation>%1 詞元起讀取較划算</translation>
    </message>
    <message>
        <source>the device&apos;s on-chip cache</source>
        <translation>裝置的晶片內快取</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::Palette</name>
    <message>
        <source>Prefill</source>
        <translation>預填</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>解碼</translation>
    </message>
    <message>
        <source>Combined</source>
        <translation>合併</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>邊緣</translation>
    </message>
    <message>
        <source>prefill-heavy</source>
        <translation>預填密集</translation>
    </message>
    <message>
        <source>decode-heavy</source>
        <translation>解碼密集</translation>
    </message>
    <message>
        <source>long context</source>
        <translation>長上下文</translation>
    </message>
    <message>
        <source>short context</source>
        <translation>短上下文</translation>
    </message>
    <message>
        <source>interactive</source>
        <translation>互動式</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>small model</source>
        <translation>小型模型</translation>
    </message>
    <message>
        <source>SRAM-resident</source>
        <translation>常駐 SRAM</translation>
    </message>
    <message>
        <source>large model</source>
        <translation>大型模型</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>邊緣</translation>
    </message>
    <message>
        <source>data centre</source>
        <translation>資料中心</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlaceholderView</name>
    <message>
        <source>This view is not built yet.</source>
        <translation>此檢視尚未建置。</translation>
    </message>
    <message>
        <source>Today the same data comes from the command line:</source>
        <translation>目前可由命令列取得相同資料：</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlanComparison</name>
    <message>
        <source>TTFT p50 (simulated)</source>
        <translation>TTFT p50（模擬）</translation>
    </message>
    <message>
        <source>TTFT p90 (simulated)</source>
        <translation>TTFT p90（模擬）</translation>
    </message>
    <message>
        <source>TTFT p99 (simulated)</source>
        <translation>TTFT p99（模擬）</translation>
    </message>
    <message>
        <source>TPOT p50 (simulated)</source>
        <translation>TPOT p50（模擬）</translation>
    </message>
    <message>
        <source>TPOT p90 (simulated)</source>
        <translation>TPOT p90（模擬）</translation>
    </message>
    <message>
        <source>TPOT p99 (simulated)</source>
        <translation>TPOT p99（模擬）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cost per million output tokens</source>
        <translation>每百萬輸出詞元成本</translation>
    </message>
    <message>
        <source>Hourly cost, all pools</source>
        <translation>每小時成本（所有資源池）</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>資本支出</translation>
    </message>
    <message>
        <source>Power cost</source>
        <translation>電費</translation>
    </message>
    <message>
        <source>IT power</source>
        <translation>IT 電力</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速器</translation>
    </message>
    <message>
        <source>SLO attainment</source>
        <translation>SLO 達成率</translation>
    </message>
    <message>
        <source>Unserved demand</source>
        <translation>未服務的需求</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>TPOT</source>
        <translation>TPOT</translation>
    </message>
    <message>
        <source>Cost per million tokens</source>
        <translation>每百萬詞元成本</translation>
    </message>
    <message>
        <source>Within SLOs (simulated)</source>
        <translation>符合 SLO（模擬）</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlanDocument</name>
    <message>
        <source>Untitled plan</source>
        <translation>未命名方案</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlanOverview</name>
    <message>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Routing policy: %1</source>
        <translation>路由策略：%1</translation>
    </message>
    <message>
        <source>Capex over %1 years</source>
        <translation>資本支出攤提 %1 年</translation>
    </message>
    <message>
        <source>Electricity $%1/kWh</source>
        <translation>電價 $%1/kWh</translation>
    </message>
    <message>
        <source>PUE %1</source>
        <translation>PUE %1</translation>
    </message>
    <message>
        <source>Cost cap $%1/h</source>
        <translation>成本上限 $%1/h</translation>
    </message>
    <message>
        <source>Cloud prices</source>
        <translation>雲端價格</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlanReport</name>
    <message>
        <source>Rack</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>Units used</source>
        <translation>已用 U 數</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>U 數</translation>
    </message>
    <message>
        <source>IT power (kW)</source>
        <translation>IT 電力（kW）</translation>
    </message>
    <message>
        <source>Budget (kW)</source>
        <translation>預算（kW）</translation>
    </message>
    <message>
        <source>Cooling</source>
        <translation>散熱</translation>
    </message>
    <message>
        <source>rack %1</source>
        <translation>機櫃 %1</translation>
    </message>
    <message>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>air</source>
        <translation>氣冷</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Catalogue id</source>
        <translation>型錄 id</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>資源池</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作負載</translation>
    </message>
    <message>
        <source>Prefill pool</source>
        <translation>預填資源池</translation>
    </message>
    <message>
        <source>Decode pool</source>
        <translation>解碼資源池</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>分擔比例</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>請求/s</translation>
    </message>
    <message>
        <source>$ per M tokens</source>
        <translation>每百萬詞元 $</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT（ms）</translation>
    </message>
    <message>
        <source>TPOT (ms)</source>
        <translation>TPOT（ms）</translation>
    </message>
    <message>
        <source>(same pool)</source>
        <translation>（同一資源池）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>裝置數</translation>
    </message>
    <message>
        <source>Capex ($/h)</source>
        <translation>資本支出（$/h）</translation>
    </message>
    <message>
        <source>Energy ($/h)</source>
        <translation>電費（$/h）</translation>
    </message>
    <message>
        <source>Cloud ($/h)</source>
        <translation>雲端（$/h）</translation>
    </message>
    <message>
        <source>Total ($/h)</source>
        <translation>總計（$/h）</translation>
    </message>
    <message>
        <source>Inference plan report · generated %1 by TokenRoute %2</source>
        <translation>推論方案報告 · 由 TokenRoute %2 於 %1 產生</translation>
    </message>
    <message>
        <source>Plan file: %1</source>
        <translation>方案檔：%1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Racks</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>資源池</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速器</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作負載</translation>
    </message>
    <message>
        <source>Cost of all pools ($/h)</source>
        <translation>所有資源池的成本（$/h）</translation>
    </message>
    <message>
        <source>IT power, all racks (kW)</source>
        <translation>所有機櫃的 IT 電力（kW）</translation>
    </message>
    <message>
        <source>Device time per million output tokens ($)</source>
        <translation>每百萬輸出詞元的裝置時間（$）</translation>
    </message>
    <message>
        <source>Demand left unserved</source>
        <translation>未服務的需求</translation>
    </message>
    <message>
        <source>Workloads missing their SLOs</source>
        <translation>未達 SLO 的工作負載</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>設備</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>The plan could not be routed: %1</source>
        <translation>無法為此方案進行路由：%1</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Findings about the plan</source>
        <translation>關於此方案的發現</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>%1 — inference plan report</source>
        <translation>%1 — 推論方案報告</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>無法寫入 %1。</translation>
    </message>
    <message>
        <source>Capex ($/M tokens)</source>
        <translation>資本支出（每百萬詞元 $）</translation>
    </message>
    <message>
        <source>Power ($/M tokens)</source>
        <translation>電費（每百萬詞元 $）</translation>
    </message>
    <message>
        <source>Cloud ($/M tokens)</source>
        <translation>雲端（每百萬詞元 $）</translation>
    </message>
    <message>
        <source>Total ($/M tokens)</source>
        <translation>總計（每百萬詞元 $）</translation>
    </message>
    <message>
        <source>Routed around</source>
        <translation>已被路由避開</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PlanStructureModel</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Racks</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>資源池</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作負載</translation>
    </message>
    <message numerus="yes">
        <source>%n rack(s)</source>
        <translation>
            <numerusform>%n 個機櫃</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n 個資源池</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n 個工作負載</numerusform>
        </translation>
    </message>
    <message>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>air</source>
        <translation>氣冷</translation>
    </message>
    <message>
        <source>%1 of %2U · %3 of %4 kW · %5 cooled</source>
        <translation>%1 / %2U · %3 / %4 kW · %5散熱</translation>
    </message>
    <message>
        <source>%1 of %2U · %3 kW · %4 cooled</source>
        <translation>%1 / %2U · %3 kW · %4散熱</translation>
    </message>
    <message>
        <source>%1 (not in the catalogue)</source>
        <translation>%1（不在型錄中）</translation>
    </message>
    <message>
        <source>U%1–%2</source>
        <translation>U%1–%2</translation>
    </message>
    <message>
        <source>U%1</source>
        <translation>U%1</translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <translation>%1 · %2 %3</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 in the field</source>
        <translation>%1 · 現場 %2 × %3</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 · %4 weights</source>
        <translation>%1 · %2 × %3 · %4 權重</translation>
    </message>
    <message>
        <source>%1 · %2 weights</source>
        <translation>%1 · %2 權重</translation>
    </message>
    <message>
        <source>%1 · %2 req/s · %3 → %4 tokens</source>
        <translation>%1 · %2 req/s · %3 → %4 個詞元</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>問題：</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::PoolListModel</name>
    <message numerus="yes">
        <source>No pool · %n server(s)</source>
        <translation>
            <numerusform>無資源池 · %n 台伺服器</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 devices in the field</source>
        <translation>%1 · 現場 %2 個裝置</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n server(s)</source>
        <translation>
            <numerusform>%1 · %n 台伺服器</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop servers here to take them out of their pools.</source>
        <translation>將伺服器拖放到此處，即可將其移出所屬資源池。</translation>
    </message>
    <message>
        <source>%1 pool. Drop servers here to assign them to it.</source>
        <translation>%1資源池。將伺服器拖放到此處即可指派給它。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackCommands</name>
    <message>
        <source>Add %1</source>
        <translation>新增 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>刪除 %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移動 %1</translation>
    </message>
    <message>
        <source>Change Pool of %1</source>
        <translation>變更 %1 的資源池</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>重新命名 %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>變更 %1</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackDesigner</name>
    <message>
        <source>Zoom to Fit</source>
        <translation>縮放至全覽</translation>
    </message>
    <message>
        <source>Show every rack (Ctrl+0)</source>
        <translation>顯示所有機櫃（Ctrl+0）</translation>
    </message>
    <message>
        <source>Zoom in (+ or the wheel)</source>
        <translation>放大（+ 或滾輪）</translation>
    </message>
    <message>
        <source>Zoom out (- or the wheel)</source>
        <translation>縮小（- 或滾輪）</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Show the links between servers and switches</source>
        <translation>顯示伺服器與交換器之間的連結</translation>
    </message>
    <message>
        <source>Change the selected rack&apos;s name, size, power budget and cooling</source>
        <translation>變更所選機櫃的名稱、大小、電力預算與散熱方式</translation>
    </message>
    <message>
        <source>Delete the selected rack and everything in it</source>
        <translation>刪除所選機櫃及其中所有項目</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Duplicate the selection (Ctrl+D)</source>
        <translation>複製所選項目（Ctrl+D）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete the selected items and links (Del)</source>
        <translation>刪除所選項目與連結（Del）</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>連接…</translation>
    </message>
    <message>
        <source>Link the two selected items: choose the link type and lanes (Ctrl+L)</source>
        <translation>連接兩個所選項目：選擇連結類型與通道數（Ctrl+L）</translation>
    </message>
    <message>
        <source>Drop servers on a pool to assign them to it</source>
        <translation>將伺服器拖放到資源池上即可指派</translation>
    </message>
    <message>
        <source>Catalogue — drag into a rack</source>
        <translation>型錄 — 拖曳到機櫃中</translation>
    </message>
    <message>
        <source>Pools — drop servers to assign</source>
        <translation>資源池 — 拖放伺服器以指派</translation>
    </message>
    <message>
        <source>%1 has no %2U gap free.</source>
        <translation>%1 沒有 %2U 的空位。</translation>
    </message>
    <message>
        <source>Add a rack first.</source>
        <translation>請先新增機櫃。</translation>
    </message>
    <message numerus="yes">
        <source>Select two items to connect: click one, then Ctrl+click the other (%n selected).</source>
        <translation>
            <numerusform>請選擇兩個要連接的項目：點選一個，再按住 Ctrl 點選另一個（已選 %n 個）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a rack first: click it or an item in it.</source>
        <translation>請先選擇機櫃：點選機櫃或其中的項目。</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>Add a rack, or change or delete the selected one</source>
        <translation>新增機櫃，或變更、刪除所選機櫃</translation>
    </message>
    <message>
        <source>Add 48U, liquid-cooled, 120 kW</source>
        <translation>新增 48U，液冷，120 kW</translation>
    </message>
    <message>
        <source>Add 48U, liquid-cooled, 60 kW</source>
        <translation>新增 48U，液冷，60 kW</translation>
    </message>
    <message>
        <source>Add 42U, air-cooled, 30 kW</source>
        <translation>新增 42U，氣冷，30 kW</translation>
    </message>
    <message>
        <source>Add 42U, air-cooled, 15 kW</source>
        <translation>新增 42U，氣冷，15 kW</translation>
    </message>
    <message>
        <source>Rack &amp;Properties…</source>
        <translation>機櫃屬性(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete Rack</source>
        <translation>刪除機櫃(&amp;D)</translation>
    </message>
    <message>
        <source>Drag from the catalogue into a rack or onto a pool · Del deletes · Ctrl+D duplicates · Ctrl+L links two items · ↑/↓ move one U · right-click a rack to edit it</source>
        <translation>從型錄拖曳到機櫃或資源池上 · Del 刪除 · Ctrl+D 複製 · Ctrl+L 連接兩個項目 · ↑/↓ 移動一個 U · 在機櫃上按右鍵即可編輯</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackEditor</name>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>rack system</source>
        <translation>機櫃系統</translation>
    </message>
    <message>
        <source>switch</source>
        <translation>交換器</translation>
    </message>
    <message>
        <source>PDU</source>
        <translation>PDU</translation>
    </message>
    <message>
        <source>blanking panel</source>
        <translation>盲板</translation>
    </message>
    <message>
        <source>%1 × %2 (%3 GB/s)</source>
        <translation>%1 × %2（%3 GB/s）</translation>
    </message>
    <message>
        <source>Drop %1 onto a rack.</source>
        <translation>將 %1 拖放到機櫃上。</translation>
    </message>
    <message>
        <source>“%1” is not in the catalogue.</source>
        <translation>「%1」不在型錄中。</translation>
    </message>
    <message>
        <source>%1 would start below U1 of %2.</source>
        <translation>%1 的起始位置會低於 %2 的 U1。</translation>
    </message>
    <message>
        <source>%1 is %2U tall; %3 has only %4U.</source>
        <translation>%1 高 %2U；%3 只有 %4U。</translation>
    </message>
    <message>
        <source>%1 needs %2U from U%3, but %4 ends at U%5.</source>
        <translation>%1 需要從 U%3 起的 %2U，但 %4 在 U%5 結束。</translation>
    </message>
    <message>
        <source>%1 would overlap %2 at U%3 of %4.</source>
        <translation>%1 會與 %4 的 U%3 處的 %2 重疊。</translation>
    </message>
    <message>
        <source>Added %1 to %2 at U%3</source>
        <translation>已將 %1 加入 %2 的 U%3</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>沒有可移動的項目。</translation>
    </message>
    <message numerus="yes">
        <source>Move %n Item(s)</source>
        <translation>
            <numerusform>移動 %n 個項目</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved %1 to %2, U%3</source>
        <translation>已將 %1 移至 %2，U%3</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>刪除 %n 個項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s)</source>
        <translation>
            <numerusform>已刪除 %n 個項目</numerusform>
        </translation>
    </message>
    <message>
        <source>No rack has %1U free for a copy of %2.</source>
        <translation>沒有機櫃有 %1U 空位可放 %2 的複本。</translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Item(s)</source>
        <translation>
            <numerusform>複製 %n 個項目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicated %n item(s)</source>
        <translation>
            <numerusform>已複製 %n 個項目</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 (%2U, %3 kW)</source>
        <translation>已新增 %1（%2U，%3 kW）</translation>
    </message>
    <message>
        <source>Select a rack first: click it or an item in it.</source>
        <translation>請先選擇機櫃：點選機櫃或其中的項目。</translation>
    </message>
    <message>
        <source>Deleted %1 and everything in it</source>
        <translation>已刪除 %1 及其中所有項目</translation>
    </message>
    <message>
        <source>There is no such pool.</source>
        <translation>沒有這個資源池。</translation>
    </message>
    <message>
        <source>%1 is an edge pool: it runs on devices in the field, not on racked servers.</source>
        <translation>%1 是邊緣資源池：它在現場裝置上執行，而非機櫃中的伺服器。</translation>
    </message>
    <message>
        <source>%1 is a %2; only servers and rack systems serve in a pool.</source>
        <translation>%1 是%2；只有伺服器與機櫃系統能在資源池中服務。</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n Item(s) to %1</source>
        <translation>
            <numerusform>將 %n 個項目指派給 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %n Item(s) out of Their Pools</source>
        <translation>
            <numerusform>將 %n 個項目移出其資源池</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) now in %1</source>
        <translation>
            <numerusform>%n 個項目現在位於 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) taken out of their pools</source>
        <translation>
            <numerusform>已將 %n 個項目移出其資源池</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no such rack.</source>
        <translation>沒有這個機櫃。</translation>
    </message>
    <message>
        <source>A rack needs a name.</source>
        <translation>機櫃需要名稱。</translation>
    </message>
    <message>
        <source>Racks come in 42U or 48U.</source>
        <translation>機櫃有 42U 或 48U 兩種。</translation>
    </message>
    <message>
        <source>A power budget cannot be negative (0 means none stated).</source>
        <translation>電力預算不可為負值（0 表示未指定）。</translation>
    </message>
    <message>
        <source>%1 reaches U%2 of %3, but a %4U rack ends at U%4. Move it down or out first.</source>
        <translation>%1 延伸到 %3 的 U%2，但 %4U 機櫃在 U%4 結束。請先將它往下移或移出。</translation>
    </message>
    <message>
        <source>%1: %2U, %3 kW, %4 cooling</source>
        <translation>%1：%2U，%3 kW，%4散熱</translation>
    </message>
    <message>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>air</source>
        <translation>氣冷</translation>
    </message>
    <message>
        <source>Select two items to connect: click one, then Ctrl+click the other.</source>
        <translation>請選擇兩個要連接的項目：點選一個，再按住 Ctrl 點選另一個。</translation>
    </message>
    <message>
        <source>A link joins two different items; %1 cannot be linked to itself.</source>
        <translation>連結須連接兩個不同的項目；%1 無法與自己連接。</translation>
    </message>
    <message>
        <source>%1 is “%2”, which is not in the catalogue, so its ports are unknown.</source>
        <translation>%1 是「%2」，它不在型錄中，因此其連接埠未知。</translation>
    </message>
    <message>
        <source>%1 is a %2 and has no network ports; only servers, rack systems and switches take links.</source>
        <translation>%1 是%2，沒有網路埠；只有伺服器、機櫃系統與交換器可以連接。</translation>
    </message>
    <message>
        <source>“%1” is not a link type in the catalogue.</source>
        <translation>「%1」不是型錄中的連結類型。</translation>
    </message>
    <message>
        <source>A link needs at least one lane.</source>
        <translation>連結至少需要一條通道。</translation>
    </message>
    <message>
        <source>%1 and %2 are already linked by %3; delete that link to change its lanes.</source>
        <translation>%1 與 %2 已由 %3 連接；請先刪除該連結再變更其通道數。</translation>
    </message>
    <message>
        <source>Link %1 and %2</source>
        <translation>連接 %1 與 %2</translation>
    </message>
    <message>
        <source>Linked %1 and %2: %3</source>
        <translation>已連接 %1 與 %2：%3</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Link(s)</source>
        <translation>
            <numerusform>刪除 %n 條連結</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Link %1–%2</source>
        <translation>刪除連結 %1–%2</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n link(s)</source>
        <translation>
            <numerusform>已刪除 %n 條連結</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackInspector</name>
    <message>
        <source>over limit</source>
        <translation>超過上限</translation>
    </message>
    <message>
        <source>near limit</source>
        <translation>接近上限</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>Not in the catalogue</source>
        <translation>不在型錄中</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>機櫃</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>U%1–U%2 (%3U)</source>
        <translation>U%1–U%2（%3U）</translation>
    </message>
    <message>
        <source>U%1 (1U)</source>
        <translation>U%1（1U）</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>資源池</translation>
    </message>
    <message>
        <source>none — right-click or drop on a pool to assign</source>
        <translation>無 — 按右鍵或拖放到資源池上以指派</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速器</translation>
    </message>
    <message>
        <source>Memory per device</source>
        <translation>每裝置記憶體</translation>
    </message>
    <message>
        <source>%1 GB %2 at %3 TB/s</source>
        <translation>%1 GB %2，%3 TB/s</translation>
    </message>
    <message>
        <source>FP8 dense per device</source>
        <translation>每裝置 FP8 稠密運算</translation>
    </message>
    <message>
        <source>%1 TFLOP/s</source>
        <translation>%1 TFLOP/s</translation>
    </message>
    <message>
        <source>Power (max)</source>
        <translation>功耗（最大）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>主機記憶體</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>NVMe</source>
        <translation>NVMe</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>%1 × %2 Gb/s</source>
        <translation>%1 × %2 Gb/s</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <source>%1: %2 × %3, %4 GB/s</source>
        <translation>%1：%2 × %3，%4 GB/s</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Links&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;連結&lt;/h3&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;h2&gt;%n items selected&lt;/h2&gt;</source>
        <translation>
            <numerusform>&lt;h2&gt;已選取 %n 個項目&lt;/h2&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空間</translation>
    </message>
    <message>
        <source>%1U</source>
        <translation>%1U</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Per lane</source>
        <translation>每通道</translation>
    </message>
    <message>
        <source>%1 GB/s per direction</source>
        <translation>每方向 %1 GB/s</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總計</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Delete this link (Del)</source>
        <translation>刪除此連結（Del）</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Racks&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;機櫃&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 · %3/%4U</source>
        <translation>%1 / %2 · %3/%4U</translation>
    </message>
    <message>
        <source>&lt;b&gt;All racks&lt;/b&gt;</source>
        <translation>&lt;b&gt;所有機櫃&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 / %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Bars turn amber from 80 % of a limit (the continuous-load margin for power circuits) and red above it.&lt;/p&gt;&lt;p&gt;Drag items from the palette into a rack; drag servers between racks or onto a pool. &lt;b&gt;Del&lt;/b&gt; deletes, &lt;b&gt;Ctrl+D&lt;/b&gt; duplicates, &lt;b&gt;Ctrl+L&lt;/b&gt; links two selected items, &lt;b&gt;↑/↓&lt;/b&gt; move by one U, the wheel zooms, the middle button pans. Right-click a rack, or &lt;i&gt;Edit…&lt;/i&gt; above, to change its size, power budget and cooling.&lt;/p&gt;</source>
        <translation>&lt;p&gt;長條在達到上限的 80 %（電力迴路的持續負載裕度）時轉為琥珀色，超過上限則轉為紅色。&lt;/p&gt;&lt;p&gt;從元件庫將項目拖曳到機櫃中；在機櫃之間或向資源池拖曳伺服器。&lt;b&gt;Del&lt;/b&gt; 刪除，&lt;b&gt;Ctrl+D&lt;/b&gt; 複製，&lt;b&gt;Ctrl+L&lt;/b&gt; 連接兩個所選項目，&lt;b&gt;↑/↓&lt;/b&gt; 移動一個 U，滾輪縮放，中鍵平移。在機櫃上按右鍵，或使用上方的&lt;i&gt;編輯…&lt;/i&gt;，即可變更其大小、電力預算與散熱方式。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackPalette</name>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Rack systems</source>
        <translation>機櫃系統</translation>
    </message>
    <message>
        <source>Switches</source>
        <translation>交換器</translation>
    </message>
    <message>
        <source>Power distribution</source>
        <translation>配電</translation>
    </message>
    <message>
        <source>Blanking panels</source>
        <translation>盲板</translation>
    </message>
    <message>
        <source>%1U · %2 kW</source>
        <translation>%1U · %2 kW</translation>
    </message>
    <message>
        <source>%1U</source>
        <translation>%1U</translation>
    </message>
    <message>
        <source>%1 (%2)
Drag into a rack, or double-click to add it to the selected rack.</source>
        <translation>%1（%2）
拖曳到機櫃中，或按兩下加入所選機櫃。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackPropertiesDialog</name>
    <message>
        <source>Rack Properties — %1</source>
        <translation>機櫃屬性 — %1</translation>
    </message>
    <message>
        <source>%1U</source>
        <translation>%1U</translation>
    </message>
    <message>
        <source> kW</source>
        <translation> kW</translation>
    </message>
    <message>
        <source>none stated</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>Air</source>
        <translation>氣冷</translation>
    </message>
    <message>
        <source>Liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <source>Holds %1U of items drawing up to %2 kW.</source>
        <translation>可容納 %1U 的項目，耗電最多 %2 kW。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Power budget:</source>
        <translation>電力預算(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Cooling:</source>
        <translation>散熱(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RackScene</name>
    <message>
        <source>Only catalogue items and placed items can be dropped here.</source>
        <translation>此處只能拖放型錄項目與已放置的項目。</translation>
    </message>
    <message>
        <source>%1: U%2–U%3</source>
        <translation>%1：U%2–U%3</translation>
    </message>
    <message>
        <source>&amp;Delete Link</source>
        <translation>刪除連結(&amp;D)</translation>
    </message>
    <message>
        <source>Rack &amp;Properties…</source>
        <translation>機櫃屬性(&amp;P)…</translation>
    </message>
    <message>
        <source>Delete &amp;Rack</source>
        <translation>刪除機櫃(&amp;R)</translation>
    </message>
    <message>
        <source>Assign to &amp;Pool</source>
        <translation>指派至資源池(&amp;P)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;No Pool</source>
        <translation>無資源池(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>連接(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Connect… (select two items)</source>
        <translation>連接(&amp;C)…（選取兩個項目）</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::ReasonText</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Pool %1 cannot send KV cache to pool %2: no chain of links joins their servers.</source>
        <translation>資源池 %1 無法將 KV 快取傳送到資源池 %2：沒有任何連結鏈將它們的伺服器連接起來。</translation>
    </message>
    <message>
        <source>Pool %1 has no devices, so it can serve nothing.</source>
        <translation>資源池 %1 沒有裝置，因此無法服務任何工作負載。</translation>
    </message>
    <message>
        <source>Workload %1: no pool can hold its model&apos;s weights with room for a KV cache.</source>
        <translation>工作負載 %1：沒有資源池能容納其模型權重並留有 KV 快取空間。</translation>
    </message>
    <message>
        <source>Workload %1 names model %2, which is neither in the catalogue nor imported.</source>
        <translation>工作負載 %1 指定的模型 %2 既不在型錄中，也未匯入。</translation>
    </message>
    <message>
        <source>Workload %1: no device type among those given meets its SLOs.</source>
        <translation>工作負載 %1：在所給的裝置類型中，沒有一種能符合其 SLO。</translation>
    </message>
    <message>
        <source>Workload %1: no route meets its SLOs (no pool pair is reachable).</source>
        <translation>工作負載 %1：沒有路由符合其 SLO（沒有可互通的資源池組合）。</translation>
    </message>
    <message>
        <source>Workload %1: no route meets its SLOs; the closest, %2, reaches a %3 of %4 ms against %5 ms.</source>
        <translation>工作負載 %1：沒有路由符合其 SLO；最接近的 %2，%3 為 %4 ms，目標為 %5 ms。</translation>
    </message>
    <message>
        <source>Route %1 reaches a TTFT of %2 ms including the KV transfer, over the %3 ms SLO.</source>
        <translation>路由 %1 的 TTFT（含 KV 傳輸）為 %2 ms，超過 %3 ms 的 SLO。</translation>
    </message>
    <message>
        <source>Route %1 reaches a TPOT of %2 ms, over the %3 ms SLO.</source>
        <translation>路由 %1 的 TPOT 為 %2 ms，超過 %3 ms 的 SLO。</translation>
    </message>
    <message>
        <source>Workload %1: %2 of %3 requests/s cannot be served within the SLOs by the pools as sized.</source>
        <translation>工作負載 %1：以目前規模的資源池，%3 個請求/s 中有 %2 個無法在 SLO 內服務。</translation>
    </message>
    <message>
        <source>Link %1 would carry %2 GB/s of KV cache over its %3 GB/s.</source>
        <translation>連結 %1 將承載 %2 GB/s 的 KV 快取，超過其 %3 GB/s。</translation>
    </message>
    <message>
        <source>Workload %1: the %2 rule was dropped because no pool it allows meets the SLOs.</source>
        <translation>工作負載 %1：由於 %2 規則允許的資源池都不符合 SLO，該規則已被捨棄。</translation>
    </message>
    <message>
        <source>The cost cap of $%1/h binds; faster routes would cost more.</source>
        <translation>$%1/h 的成本上限已達到；更快的路由會花費更多。</translation>
    </message>
    <message>
        <source>Device %1 has no price in the catalogue; it is costed at its energy alone ($%2/h per device), which flatters it.</source>
        <translation>裝置 %1 在型錄中沒有價格；僅以其電費計算成本（每裝置 $%2/h），會使它顯得較划算。</translation>
    </message>
    <message>
        <source>Link %1 is left out of the network: %2.</source>
        <translation>連結 %1 未納入網路：%2。</translation>
    </message>
    <message>
        <source>The linear-program solver returned no optimum (status %1); all demand is reported unserved.</source>
        <translation>線性規劃求解器未傳回最佳解（狀態 %1）；所有需求都回報為未服務。</translation>
    </message>
    <message>
        <source>one more %1 would serve about %2 more tokens/s.</source>
        <translation>每多一個%1，約可多服務 %2 個詞元/s。</translation>
    </message>
    <message>
        <source>one more %1 would save $%2/h.</source>
        <translation>每多一個%1，可節省 $%2/h。</translation>
    </message>
    <message>
        <source>relieving it would improve the objective by %1 per %2.</source>
        <translation>放寬此限制，每 %2 可使目標值改善 %1。</translation>
    </message>
    <message>
        <source>%1 runs on its cheapest route that meets the SLOs; no capacity limit binds.</source>
        <translation>%1 在符合 SLO 的最便宜路由上執行；沒有容量限制達到上限。</translation>
    </message>
    <message>
        <source>%1 is limited by the device time of pool %2: %3</source>
        <translation>%1 受限於資源池 %2 的裝置時間：%3</translation>
    </message>
    <message>
        <source>device in %1</source>
        <translation>%1 中的裝置</translation>
    </message>
    <message>
        <source>%1 is limited by the KV memory of pool %2: %3</source>
        <translation>%1 受限於資源池 %2 的 KV 記憶體：%3</translation>
    </message>
    <message>
        <source>GB of KV memory in %1</source>
        <translation>%1 中 GB 的 KV 記憶體</translation>
    </message>
    <message>
        <source>%1 is limited by the bandwidth of link %2: %3</source>
        <translation>%1 受限於連結 %2 的頻寬：%3</translation>
    </message>
    <message>
        <source>GB/s on %1</source>
        <translation>%1 上的 GB/s</translation>
    </message>
    <message>
        <source>%1 would be cheaper on %2, but that misses the %3 ms %4 SLO (%5 ms).</source>
        <translation>%1 在 %2 上會較便宜，但無法達到 %3 ms 的 %4 SLO（%5 ms）。</translation>
    </message>
    <message>
        <source>%1 is limited by the cost cap: faster routes would cost more than it allows.</source>
        <translation>%1 受限於成本上限：更快的路由會超出其允許的成本。</translation>
    </message>
    <message>
        <source>%1 has no route that meets its SLOs.</source>
        <translation>%1 沒有符合其 SLO 的路由。</translation>
    </message>
    <message>
        <source>%1 has no other route.</source>
        <translation>%1 沒有其他路由。</translation>
    </message>
    <message>
        <source>The next route for %1, %2, misses the SLOs (TTFT %3 ms, TPOT %4 ms).</source>
        <translation>%1 的下一條路由 %2 無法達到 SLO（TTFT %3 ms，TPOT %4 ms）。</translation>
    </message>
    <message>
        <source>$%1 more</source>
        <translation>貴 $%1</translation>
    </message>
    <message>
        <source>$%1 less</source>
        <translation>便宜 $%1</translation>
    </message>
    <message>
        <source>The best alternative for %1 is %2 at $%3 per million tokens (%4; the tag rules exclude it).</source>
        <translation>%1 的最佳替代路由是 %2，每百萬詞元 $%3（%4；標籤規則排除了它）。</translation>
    </message>
    <message>
        <source>The best alternative for %1 is %2 at $%3 per million tokens (%4).</source>
        <translation>%1 的最佳替代路由是 %2，每百萬詞元 $%3（%4）。</translation>
    </message>
    <message>
        <source>%1: it produces no output tokens, so all of its work is prefill.</source>
        <translation>%1：它不產生輸出詞元，因此所有工作都是預填。</translation>
    </message>
    <message>
        <source>%1: %2 input tokens per output token (at least %3), %4 % of its FLOPs in prefill.</source>
        <translation>%1：每個輸出詞元對應 %2 個輸入詞元（至少 %3），%4 % 的 FLOP 在預填。</translation>
    </message>
    <message>
        <source>%1: %2 input tokens per output token (under %3), %4 % of its FLOPs in prefill.</source>
        <translation>%1：每個輸出詞元對應 %2 個輸入詞元（低於 %3），%4 % 的 FLOP 在預填。</translation>
    </message>
    <message>
        <source>%1: contexts reach %2 tokens (p90 prompt plus mean output), at least %3.</source>
        <translation>%1：上下文可達 %2 個詞元（p90 提示加平均輸出），至少 %3。</translation>
    </message>
    <message>
        <source>%1: contexts reach %2 tokens (p90 prompt plus mean output), under %3.</source>
        <translation>%1：上下文可達 %2 個詞元（p90 提示加平均輸出），低於 %3。</translation>
    </message>
    <message>
        <source>%1: its %2 SLO of %3 ms is within %4 ms, so a person is waiting.</source>
        <translation>%1：其 %2 SLO 為 %3 ms，在 %4 ms 以內，表示有人正在等待。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>%1: its SLOs (TTFT %2, TPOT %3) are looser than %4 ms and %5 ms.</source>
        <translation>%1：其 SLO（TTFT %2，TPOT %3）比 %4 ms 與 %5 ms 寬鬆。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: it states no SLO and is marked interactive.</source>
        <translation>%1：未指定 SLO，並標記為互動式。</translation>
    </message>
    <message>
        <source>%1: it states no SLO and is marked batch.</source>
        <translation>%1：未指定 SLO，並標記為批次。</translation>
    </message>
    <message>
        <source>%1: its weights (%2 GB) fit the on-chip SRAM of one rack of SRAM engines (%3 GB).</source>
        <translation>%1：其權重（%2 GB）可放入一個機櫃的 SRAM 引擎的晶片內 SRAM（%3 GB）。</translation>
    </message>
    <message>
        <source>%1: its weights (%2 GB) fit one %3 GB device.</source>
        <translation>%1：其權重（%2 GB）可放入一個 %3 GB 的裝置。</translation>
    </message>
    <message>
        <source>%1: its weights (%2 GB) exceed one %3 GB device and must be sharded.</source>
        <translation>%1：其權重（%2 GB）超過一個 %3 GB 的裝置，必須分片。</translation>
    </message>
    <message>
        <source>%1: its model is unknown, so it is assumed to need sharding.</source>
        <translation>%1：其模型未知，因此假設需要分片。</translation>
    </message>
    <message>
        <source>%1: it runs on devices in the field.</source>
        <translation>%1：它在現場裝置上執行。</translation>
    </message>
    <message>
        <source>%1: it runs in the data centre.</source>
        <translation>%1：它在資料中心執行。</translation>
    </message>
    <message>
        <source>%1: set by the user (the numbers say %2).</source>
        <translation>%1：由使用者設定（依數據應為%2）。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RemoveWorkload</name>
    <message>
        <source>Delete Workload</source>
        <translation>刪除工作負載</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RoutingPage</name>
    <message>
        <source>Flow of all workloads</source>
        <translation>所有工作負載的流向</translation>
    </message>
    <message>
        <source>Teaching mode: follow one request</source>
        <translation>教學模式：追蹤一個請求</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::RoutingView</name>
    <message>
        <source>%1 prompt tokens/s</source>
        <translation>%1 個提示詞元/s</translation>
    </message>
    <message>
        <source>KV cache moved: %1/s</source>
        <translation>已搬移的 KV 快取：%1/s</translation>
    </message>
    <message>
        <source>Route %1 → %2: %3% of demand, TTFT %4 ms, TPOT %5 ms, $%6 per million tokens</source>
        <translation>路由 %1 → %2：需求的 %3%，TTFT %4 ms，TPOT %5 ms，每百萬詞元 $%6</translation>
    </message>
    <message>
        <source>not served</source>
        <translation>未服務</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1/s · %2%</source>
        <translation>%1/s · %2%</translation>
    </message>
    <message>
        <source>Workloads:</source>
        <translation>工作負載：</translation>
    </message>
    <message>
        <source>%1 pool</source>
        <translation>%1資源池</translation>
    </message>
    <message>
        <source>KV link: bytes/s moved · % busy</source>
        <translation>KV 連結：每秒搬移位元組 · 忙碌 %</translation>
    </message>
    <message>
        <source>Routing (%1 policy): %2 tok/s served, $%3/h of device time, band width ∝ prompt tokens/s</source>
        <translation>路由（%1策略）：服務 %2 tok/s，裝置時間 $%3/h，帶寬 ∝ 提示詞元/s</translation>
    </message>
    <message>
        <source>The plan cannot be routed: %1</source>
        <translation>無法為此方案進行路由：%1</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::SetPlanProperties</name>
    <message>
        <source>Change Plan Properties</source>
        <translation>變更方案屬性</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::SheetBuilder</name>
    <message>
        <source>the model&apos;s config.json</source>
        <translation>模型的 config.json</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::SimulationView</name>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作負載</translation>
    </message>
    <message>
        <source>Generate the workload&apos;s traffic</source>
        <translation>產生工作負載的流量</translation>
    </message>
    <message>
        <source>Replay a trace file</source>
        <translation>重播追蹤檔</translation>
    </message>
    <message>
        <source>trace.jsonl or .csv</source>
        <translation>trace.jsonl 或 .csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>追蹤檔</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>由檔案偵測</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Generated requests; for a trace, stop after this many (0 = the whole trace)</source>
        <translation>產生的請求數；若為追蹤檔，則在達到此數量後停止（0 = 整個追蹤檔）</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>請求數</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save run to plan</source>
        <translation>將執行儲存至方案</translation>
    </message>
    <message>
        <source>Runs stored in the plan</source>
        <translation>方案中儲存的執行</translation>
    </message>
    <message>
        <source>Open a request trace</source>
        <translation>開啟請求追蹤檔</translation>
    </message>
    <message>
        <source>Traces (*.jsonl *.csv);;All files (*)</source>
        <translation>追蹤檔 (*.jsonl *.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>資源池</translation>
    </message>
    <message>
        <source>Cache tier</source>
        <translation>快取層級</translation>
    </message>
    <message>
        <source>Capacity (blocks)</source>
        <translation>容量（區塊）</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>Time to first token, cumulative distribution</source>
        <translation>首個詞元時間，累積分布</translation>
    </message>
    <message>
        <source>Runs are stored in .trplan files: save the plan as one first</source>
        <translation>執行結果儲存在 .trplan 檔中：請先將方案儲存為該格式</translation>
    </message>
    <message>
        <source>Stored runs could not be read: %1</source>
        <translation>無法讀取已儲存的執行：%1</translation>
    </message>
    <message>
        <source>No stored runs yet: run one and save it to the plan.</source>
        <translation>尚無已儲存的執行：請執行一次並儲存至方案。</translation>
    </message>
    <message>
        <source>Runs are stored in .trplan plan files.</source>
        <translation>執行結果儲存在 .trplan 方案檔中。</translation>
    </message>
    <message>
        <source>Choose a trace file first.</source>
        <translation>請先選擇追蹤檔。</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>模擬中…</translation>
    </message>
    <message>
        <source>Simulating… %1 requests arrived</source>
        <translation>模擬中… 已到達 %1 個請求</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The simulation could not run: %1</source>
        <translation>無法執行模擬：%1</translation>
    </message>
    <message>
        <source>Cancelled after %1 requests; nothing was stored.</source>
        <translation>在 %1 個請求後取消；未儲存任何內容。</translation>
    </message>
    <message>
        <source>Finished: %1 requests in %2 s.</source>
        <translation>完成：%2 s 內處理 %1 個請求。</translation>
    </message>
    <message>
        <source>Run saved to %1.</source>
        <translation>執行已儲存至 %1。</translation>
    </message>
    <message>
        <source>The run could not be saved: %1</source>
        <translation>無法儲存此執行：%1</translation>
    </message>
    <message>
        <source>Run a simulation to see its latency percentiles, goodput and cache hits. The same run from the command line: &lt;code&gt;tokenroute-cli simulate PLAN --generate workload,requests=2000&lt;/code&gt;</source>
        <translation>執行模擬即可查看其延遲百分位數、有效吞吐量與快取命中。在命令列執行相同的模擬：&lt;code&gt;tokenroute-cli simulate PLAN --generate workload,requests=2000&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): &lt;b&gt;%3&lt;/b&gt; requests completed, %4 rejected, over %5 s simulated.&lt;br&gt;Goodput &lt;b&gt;%6 req/s&lt;/b&gt; of %7 req/s meeting TTFT ≤ %8 ms and TPOT ≤ %9 ms · prefix hit ratio &lt;b&gt;%10 %&lt;/b&gt; of prompt tokens · block hit ratio %11 %</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）：完成 &lt;b&gt;%3&lt;/b&gt; 個請求，拒絕 %4 個，模擬時間 %5 s。&lt;br&gt;有效吞吐量 &lt;b&gt;%6 req/s&lt;/b&gt;（共 %7 req/s），符合 TTFT ≤ %8 ms 且 TPOT ≤ %9 ms · 前綴命中率 &lt;b&gt;%10 %&lt;/b&gt;（以提示詞元計）· 區塊命中率 %11 %</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT（ms）</translation>
    </message>
    <message>
        <source>TPOT (ms)</source>
        <translation>TPOT（ms）</translation>
    </message>
    <message>
        <source>End to end (ms)</source>
        <translation>端到端（ms）</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>Time to first token (ms, log scale)</source>
        <translation>首個詞元時間（ms，對數刻度）</translation>
    </message>
    <message>
        <source>Requests (%)</source>
        <translation>請求（%）</translation>
    </message>
    <message>
        <source>TTFT target</source>
        <translation>TTFT 目標</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::TagChipDelegate</name>
    <message>
        <source>Click to return to the derived tag.</source>
        <translation>按一下以回復為推導出的標籤。</translation>
    </message>
    <message>
        <source>Click to override.</source>
        <translation>按一下以覆寫。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::TeachingView</name>
    <message>
        <source>Step ▸</source>
        <translation>下一步 ▸</translation>
    </message>
    <message>
        <source>Go to the next phase or decode step (Right arrow)</source>
        <translation>前往下一個階段或解碼步驟（向右鍵）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Follow a request of:</source>
        <translation>追蹤以下工作負載的請求：</translation>
    </message>
    <message>
        <source>Space: play/pause · Right: step</source>
        <translation>空白鍵：播放/暫停 · 向右鍵：下一步</translation>
    </message>
    <message>
        <source>The plan cannot be routed: %1</source>
        <translation>無法為此方案進行路由：%1</translation>
    </message>
    <message>
        <source>Pause ❚❚</source>
        <translation>暫停 ❚❚</translation>
    </message>
    <message>
        <source>Play ▶</source>
        <translation>播放 ▶</translation>
    </message>
    <message>
        <source>Play or pause the request (Space)</source>
        <translation>播放或暫停請求（空白鍵）</translation>
    </message>
    <message>
        <source>Each decode step emits one more token. It reads every weight and the KV cache of its %1 sequences but does only %2 FLOP per byte read, against the %3 the %4 could do: it is %5, %6 per token.</source>
        <translation>每個解碼步驟多輸出一個詞元。它讀取所有權重與 %1 個序列的 KV 快取，但每讀取一位元組只做 %2 FLOP，而 %4 可做到 %3：它是%5，每詞元 %6。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Prompt: %1 tokens%2</source>
        <translation>提示：%1 個詞元%2</translation>
    </message>
    <message>
        <source>, prefilled with %1 others</source>
        <translation>，與另外 %1 個一起預填</translation>
    </message>
    <message>
        <source>%1 in %2 at %3/s</source>
        <translation>%1，耗時 %2，速率 %3/s</translation>
    </message>
    <message>
        <source>Output (same pool: no KV transfer)</source>
        <translation>輸出（同一資源池：不需傳輸 KV）</translation>
    </message>
    <message>
        <source>size not stated</source>
        <translation>未指定大小</translation>
    </message>
    <message>
        <source>Teaching mode</source>
        <translation>教學模式</translation>
    </message>
    <message>
        <source>%1 · Prefill: %2</source>
        <translation>%1 · 預填：%2</translation>
    </message>
    <message>
        <source>%1 · KV transfer to %2</source>
        <translation>%1 · KV 傳輸至 %2</translation>
    </message>
    <message>
        <source>%1 · Decode, step %2 of %3</source>
        <translation>%1 · 解碼，第 %2 步，共 %3 步</translation>
    </message>
    <message>
        <source>Done: %1 answered</source>
        <translation>完成：%1 已回答</translation>
    </message>
    <message>
        <source>Request time %1 of %2 · slow motion: 1 ms of the request = %3 ms on screen at 1× · speed %4×</source>
        <translation>請求時間 %1 / %2 · 慢動作：在 1× 時請求的 1 ms = 螢幕上 %3 ms · 速度 %4×</translation>
    </message>
    <message>
        <source>TTFT %1 of %2</source>
        <translation>TTFT %1 / %2</translation>
    </message>
    <message>
        <source>Token %1 of %2 · this step %3</source>
        <translation>詞元 %1 / %2 · 此步驟 %3</translation>
    </message>
    <message>
        <source>%1 of %2 tokens out</source>
        <translation>已輸出 %1 / %2 個詞元</translation>
    </message>
    <message>
        <source>One decode step (%1 sequences on %2 devices): %3</source>
        <translation>一個解碼步驟（%1 個序列，%2 個裝置）：%3</translation>
    </message>
    <message>
        <source>Reading memory: %1 of weights + %2 of KV cache → %3</source>
        <translation>讀取記憶體：權重 %1 + KV 快取 %2 → %3</translation>
    </message>
    <message>
        <source>Arithmetic: %1 → %2</source>
        <translation>運算：%1 → %2</translation>
    </message>
    <message>
        <source>%1 FLOP per byte read; the %2 balances at %3</source>
        <translation>每讀取一位元組 %1 FLOP；%2 的平衡點為 %3</translation>
    </message>
    <message>
        <source>The prompt&apos;s KV cache, %1, travels over the network to %2 in %3, so decode can continue where prefill stopped without computing the prompt again.</source>
        <translation>提示的 KV 快取（%1）經由網路以 %3 傳送到 %2，讓解碼可以接續預填停下之處，而不必重新計算提示。</translation>
    </message>
    <message>
        <source>%1 (%2 pool)</source>
        <translation>%1（%2資源池）</translation>
    </message>
    <message>
        <source>KV cache transfer</source>
        <translation>KV 快取傳輸</translation>
    </message>
    <message>
        <source>over the plan&apos;s KV path</source>
        <translation>經由方案的 KV 路徑</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>經由 %1</translation>
    </message>
    <message>
        <source>Blue: reading memory. Vermillion: arithmetic at peak. The longer bar sets the pace.</source>
        <translation>藍色：讀取記憶體。朱紅色：以峰值運算。較長的長條決定速度。</translation>
    </message>
    <message>
        <source>Where the KV cache lives (orange)</source>
        <translation>KV 快取存放位置（橘色）</translation>
    </message>
    <message>
        <source>%1 (device) · %2</source>
        <translation>%1（裝置）· %2</translation>
    </message>
    <message>
        <source>The prefill pass (one prompt): %1</source>
        <translation>預填階段（一個提示）：%1</translation>
    </message>
    <message>
        <source>The prefill pass (%1 prompts together): %2</source>
        <translation>預填階段（%1 個提示一起）：%2</translation>
    </message>
    <message>
        <source>This request&apos;s KV: %1 (%2 tokens) in %3</source>
        <translation>此請求的 KV：%1（%2 個詞元），位於 %3</translation>
    </message>
    <message>
        <source>The whole %1-token prompt is computed at once on the %2 devices of %3. Every weight is used on every prompt token, so the pass is compute-bound; the first token appears after the TTFT of %4.</source>
        <translation>整個 %1 詞元的提示在 %3 的 %2 個裝置上一次算完。每個權重都作用於每個提示詞元，因此這一趟是運算受限；首個詞元在 %4 的 TTFT 後出現。</translation>
    </message>
    <message>
        <source>The whole %1-token prompt is computed at once on the %2 devices of %3. With this few tokens the pass is %4 rather than compute-bound; the first token appears after the TTFT of %5.</source>
        <translation>整個 %1 詞元的提示在 %3 的 %2 個裝置上一次算完。詞元這麼少時，這一趟是%4而非運算受限；首個詞元在 %5 的 TTFT 後出現。</translation>
    </message>
    <message>
        <source>Done: %1 tokens out after %2 — a TTFT of %3, then %4 decode steps of %5 each. Decode took %6 % of the time and did %7 % of this request&apos;s arithmetic.</source>
        <translation>完成：%2 後輸出 %1 個詞元——TTFT 為 %3，接著是 %4 個各 %5 的解碼步驟。解碼佔了 %6 % 的時間，只做了此請求 %7 % 的運算。</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::WorkloadEditor</name>
    <message>
        <source>Add from Preset</source>
        <translation>從預設新增</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Import config.json…</source>
        <translation>匯入 config.json…</translation>
    </message>
    <message>
        <source>Import a Hugging Face config.json as the selected workload&apos;s model</source>
        <translation>匯入 Hugging Face config.json 作為所選工作負載的模型</translation>
    </message>
    <message>
        <source>Import Hugging Face config.json</source>
        <translation>匯入 Hugging Face config.json</translation>
    </message>
    <message>
        <source>Model config (config.json *.json);;All files (*)</source>
        <translation>模型設定 (config.json *.json);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::WorkloadTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Best route: %1
TTFT %2 (%3–%4), TPOT %5 (%6–%7): the range is the model&apos;s error band for such cases.
$%8 per million tokens</source>
        <translation>最佳路由：%1
TTFT %2（%3–%4），TPOT %5（%6–%7）：範圍為模型在此類情況下的誤差帶。
每百萬詞元 $%8</translation>
    </message>
    <message>
        <source>TTFT %1 (%2–%3) · TPOT %4 (%5–%6) · $%7/M</source>
        <translation>TTFT %1（%2–%3）· TPOT %4（%5–%6）· $%7/M</translation>
    </message>
    <message>
        <source> · %1 % unserved</source>
        <translation> · %1 % 未服務</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>互動式</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>邊緣</translation>
    </message>
    <message>
        <source>Data centre</source>
        <translation>資料中心</translation>
    </message>
    <message>
        <source>No route</source>
        <translation>無路由</translation>
    </message>
    <message>
        <source>Arrival rate, requests per second</source>
        <translation>到達率，每秒請求數</translation>
    </message>
    <message>
        <source>Mean prompt length, tokens</source>
        <translation>平均提示長度，詞元</translation>
    </message>
    <message>
        <source>90th percentile prompt length, tokens</source>
        <translation>第 90 百分位數提示長度，詞元</translation>
    </message>
    <message>
        <source>Mean output length, tokens</source>
        <translation>平均輸出長度，詞元</translation>
    </message>
    <message>
        <source>90th percentile output length, tokens</source>
        <translation>第 90 百分位數輸出長度，詞元</translation>
    </message>
    <message>
        <source>Share of prompt tokens expected to be served from a cached prefix</source>
        <translation>預期由快取前綴提供的提示詞元比例</translation>
    </message>
    <message>
        <source>Time-to-first-token SLO</source>
        <translation>首個詞元時間 SLO</translation>
    </message>
    <message>
        <source>Time-per-output-token SLO</source>
        <translation>每個輸出詞元時間 SLO</translation>
    </message>
    <message>
        <source>Derived tags; click a tag to override it, click again to return to the derived value</source>
        <translation>推導出的標籤；按一下標籤即可覆寫，再按一下則回復為推導值</translation>
    </message>
    <message>
        <source>The router&apos;s main route for this workload and its estimate, with the error band</source>
        <translation>路由器為此工作負載選定的主要路由及其估計值，附誤差帶</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作負載</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Rate (req/s)</source>
        <translation>速率（req/s）</translation>
    </message>
    <message>
        <source>In mean</source>
        <translation>輸入平均</translation>
    </message>
    <message>
        <source>In p90</source>
        <translation>輸入 p90</translation>
    </message>
    <message>
        <source>Out mean</source>
        <translation>輸出平均</translation>
    </message>
    <message>
        <source>Out p90</source>
        <translation>輸出 p90</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>重用</translation>
    </message>
    <message>
        <source>TTFT SLO</source>
        <translation>TTFT SLO</translation>
    </message>
    <message>
        <source>TPOT SLO</source>
        <translation>TPOT SLO</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>部署位置</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Best route and estimate</source>
        <translation>最佳路由與估計值</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>「%1」不是數字。</translation>
    </message>
    <message>
        <source>“%1” is neither a catalogue model nor an imported one.</source>
        <translation>「%1」既不是型錄模型，也不是匯入的模型。</translation>
    </message>
    <message>
        <source>Change %1 of “%2”</source>
        <translation>變更「%2」的%1</translation>
    </message>
    <message>
        <source>Return %1 of “%2” to Derived</source>
        <translation>將「%2」的%1回復為推導值</translation>
    </message>
    <message>
        <source>Mark “%1” %2</source>
        <translation>將「%1」標記為%2</translation>
    </message>
    <message>
        <source>There is no preset “%1”.</source>
        <translation>沒有預設「%1」。</translation>
    </message>
    <message>
        <source>Add Workload “%1”</source>
        <translation>新增工作負載「%1」</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（複本）</translation>
    </message>
    <message>
        <source>Duplicate Workload</source>
        <translation>複製工作負載</translation>
    </message>
    <message>
        <source>Delete Workload</source>
        <translation>刪除工作負載</translation>
    </message>
    <message>
        <source>Delete %1 Workloads</source>
        <translation>刪除 %1 個工作負載</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>無法匯入 %1：%2</translation>
    </message>
    <message>
        <source>Import %1 for “%2”</source>
        <translation>為「%2」匯入 %1</translation>
    </message>
</context>
<context>
    <name>tokenroute::ui::WorkloadValueDelegate</name>
    <message>
        <source>Import Hugging Face config.json…</source>
        <translation>匯入 Hugging Face config.json…</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> req/s</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 個詞元</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
</TS>
