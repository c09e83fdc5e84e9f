<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CarrierPanel</name>
    <message>
        <source>Why another carrier? · 更换承运商的原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it · 使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel · 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason. · 请填写原因。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverridePanel</name>
    <message>
        <source>Supervisor override · 主管放行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan badge or type login · 扫工牌或输入用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (not for a badge) · PIN 码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason · 原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm · 确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel · 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor and reason are both needed. · 需要主管和原因。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackerWorkspace</name>
    <message>
        <source>Scan a tote or order · 请扫描周转箱或订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting picked orders… · 正在统计…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carton · 纸箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight · 重量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scale? Type grams + Enter · 无秤：输入克数回车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-weigh · 重新称重 (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor override · 主管放行 (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier · 承运商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change… · 更换 (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels · 包裹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close parcel, start next · 封箱并开始下一箱 (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print label + slip · 打印面单和装箱单 (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked, waiting to pack: {n} orders · 已拣货待打包：{n} 单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge read: give the reason. · 已读取工牌：请填写原因。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a tote, an order or an item here. · 此处请扫描周转箱、订单或商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this parcel first: {n} unit(s) are in it. · 请先完成当前包裹：已装 {n} 件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote {code} · 周转箱 {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {code} · 订单 {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening… · 正在打开…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening… · 正在打开…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {o}: scan each of the {n} units. · 订单 {o}：请逐件扫描 {n} 件商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a tote or order first. · 请先扫描周转箱或订单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale: {g} g — nothing in the parcel yet. · 秤：{g} 克——包裹内还没有商品。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the weight in grams. · 请输入克数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the parcel on the scale. · 请把包裹放到秤上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override by {who}: {why} · {who} 已放行：{why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order · 没有订单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel is empty · 包裹为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not weighed · 未称重</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight mismatch · 重量不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier · 无承运商</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order on the bench. · 工作台上没有订单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All parcels closed · 所有包裹已封箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full · 装满度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bubble wrap · fill gaps · FRAGILE sticker&lt;br&gt;气泡膜包裹 · 填满空隙 · 贴易碎标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {e} g · measured — · 预期 {e} 克，请称重</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: {d:+d} g within ±{t} g · 重量正确</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d} g heavier (±{t} g) · 偏重 {d} 克</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d} g lighter (±{t} g) · 偏轻 {d} 克</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {e} g · measured {m} g&lt;br&gt;预期 {e} 克 · 实测 {m} 克</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override by {who}: {why}&lt;br&gt;主管已放行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan units into the parcel, then weigh it.&lt;br&gt;先扫描装箱，再称重。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier can take this parcel. · 没有承运商可承运。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by the packer: {r} (rules: {c} {s}) · 打包员更换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{n} open · {u} in it, {m} to scan · 第 {n} 箱：已装 {u}，还差 {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel {n} closed: {code} · {t} · 第 {n} 箱已封：{code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer set up: Settings → Printer. · 未设置打印机：设置 → 打印机。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the printer… · 正在发送到打印机…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels printed: put them on the parcels. · 面单已打印：请贴到包裹上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slip · 装箱单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {c} · 面单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed: {e} · 打印失败，已通知主管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {e} · 出错了</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
