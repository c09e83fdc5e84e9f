<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>AdminWorkspace</name>
    <message>
        <source>Stations</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Warehouses</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Merchants</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>承运商</translation>
    </message>
</context>
<context>
    <name>CarrierProtocol</name>
    <message>
        <source>SF open platform</source>
        <translation>顺丰开放平台</translation>
    </message>
    <message>
        <source>Kuaidi100 tracking</source>
        <translation>快递100 跟踪</translation>
    </message>
    <message>
        <source>Cainiao print component</source>
        <translation>菜鸟打印组件</translation>
    </message>
    <message>
        <source>Alibaba Cloud SMS</source>
        <translation>阿里云短信</translation>
    </message>
    <message>
        <source>Demo (offline)</source>
        <translation>演示（离线）</translation>
    </message>
</context>
<context>
    <name>CarriersPanel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <source>Partner id</source>
        <translation>顾客编码</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>kept (sealed)</source>
        <translation>已保存（加密）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
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
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>SF, KUAIDI100 …</source>
        <translation>SF、KUAIDI100 …</translation>
    </message>
    <message>
        <source>Privacy waybills (masked phone)</source>
        <translation>隐私面单（电话打码）</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>保存账户</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>接口地址 URL</translation>
    </message>
    <message>
        <source>Partner / customer id</source>
        <translation>顾客编码 / 客户号</translation>
    </message>
    <message>
        <source>Monthly card</source>
        <translation>月结卡号</translation>
    </message>
    <message>
        <source>the check word or key the carrier issued</source>
        <translation>承运商分配的校验码或密钥</translation>
    </message>
    <message>
        <source>kept — type a new one to replace it</source>
        <translation>已保存——输入新的即可替换</translation>
    </message>
    <message>
        <source>Account saved; the secret is kept sealed.</source>
        <translation>账户已保存；密钥已加密保存。</translation>
    </message>
</context>
<context>
    <name>LocationKindName</name>
    <message>
        <source>Pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>储备</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Dock</source>
        <translation>月台</translation>
    </message>
</context>
<context>
    <name>MerchantsPanel</name>
    <message>
        <source>Search: merchant code or name…</source>
        <translation>搜索：商家代码或名称…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Free from</source>
        <translation>包邮门槛</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不包邮</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>empty: never free</source>
        <translation>留空：不包邮</translation>
    </message>
    <message>
        <source>One region a line — fee: province, province</source>
        <translation>每行一个地区 — 运费：省份，省份</translation>
    </message>
    <message>
        <source>Save terms</source>
        <translation>保存条款</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Free shipping from</source>
        <translation>满额包邮</translation>
    </message>
    <message>
        <source>Regional fees</source>
        <translation>地区运费</translation>
    </message>
    <message>
        <source>Return days</source>
        <translation>退货天数</translation>
    </message>
    <message>
        <source>Warranty days</source>
        <translation>保修天数</translation>
    </message>
    <message>
        <source>Minimum shelf life (days)</source>
        <translation>最短剩余保质期（天）</translation>
    </message>
    <message>
        <source>Choose a merchant first.</source>
        <translation>请先选择商家。</translation>
    </message>
    <message>
        <source>Each regional fee is a line &quot;fee: province, province&quot;.</source>
        <translation>每个地区运费占一行：“运费：省份，省份”。</translation>
    </message>
    <message>
        <source>Terms saved.</source>
        <translation>条款已保存。</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Login</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed in at</source>
        <translation>登录于</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Retired too</source>
        <translation>含已停用</translation>
    </message>
    <message>
        <source>login, e.g. picker7</source>
        <translation>用户名（小写字母或数字）</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新人员</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>new badge: scan or type</source>
        <translation>新工牌：扫描或输入</translation>
    </message>
    <message>
        <source>Save person</source>
        <translation>保存人员</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 到 8 位数字</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <source>Clear PIN</source>
        <translation>清除 PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>离职</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>恢复在职</translation>
    </message>
    <message>
        <source>Chosen person</source>
        <translation>所选人员</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Cannot sign in: no PIN</source>
        <translation>无法登录：未设 PIN</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>{login} added: set a PIN so they can sign in.</source>
        <translation>已添加 {login}：请设置 PIN 以便登录。</translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation>请先选择人员。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>PIN set: they can sign in with it now.</source>
        <translation>PIN 已设置：现在可以用它登录。</translation>
    </message>
    <message>
        <source>PIN cleared: they cannot sign in until a new one is set.</source>
        <translation>PIN 已清除：设置新 PIN 之前无法登录。</translation>
    </message>
    <message>
        <source>Unlocked: they can try their PIN again.</source>
        <translation>已解锁：可以再次尝试 PIN。</translation>
    </message>
    <message>
        <source>Retired: signed out everywhere.</source>
        <translation>已离职：已在所有工作站退出登录。</translation>
    </message>
    <message>
        <source>Reinstated.</source>
        <translation>已恢复在职。</translation>
    </message>
</context>
<context>
    <name>PromotionKindName</name>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Member tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Spend threshold</source>
        <translation>满减</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>折扣</translation>
    </message>
</context>
<context>
    <name>PromotionsPanel</name>
    <message>
        <source>Search: promotion code…</source>
        <translation>搜索：促销代码…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>every merchant</source>
        <translation>所有商家</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Save validity</source>
        <translation>保存有效期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>接单检查</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>Named only</source>
        <translation>仅填写</translation>
    </message>
    <message>
        <source>Orders it touched</source>
        <translation>相关订单</translation>
    </message>
    <message>
        <source>{off} off from {spend}</source>
        <translation>满 {spend} 减 {off}</translation>
    </message>
    <message>
        <source>{percent} % for {tier}</source>
        <translation>{tier} 会员 {percent} %</translation>
    </message>
    <message>
        <source>{percent} % off</source>
        <translation>优惠 {percent} %</translation>
    </message>
    <message numerus="yes">
        <source>Orders it touched: %n</source>
        <translation>
            <numerusform>相关订单：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a promotion first.</source>
        <translation>请先选择促销。</translation>
    </message>
    <message>
        <source>Validity saved.</source>
        <translation>有效期已保存。</translation>
    </message>
</context>
<context>
    <name>SkusPanel</name>
    <message>
        <source>Search: SKU, GTIN or product name…</source>
        <translation>搜索：SKU、GTIN 或商品名称…</translation>
    </message>
    <message>
        <source>Retired too</source>
        <translation>含已停用</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Fragile</source>
        <translation>易碎</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Sell again</source>
        <translation>恢复销售</translation>
    </message>
    <message>
        <source>Picture…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <source>L × W × H (mm)</source>
        <translation>长 × 宽 × 高（毫米）</translation>
    </message>
    <message>
        <source>Low stock under</source>
        <translation>低库存阈值</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a SKU first.</source>
        <translation>请先选择商品。</translation>
    </message>
    <message>
        <source>SKU saved.</source>
        <translation>商品已保存。</translation>
    </message>
    <message>
        <source>SKU retired: intake no longer takes it.</source>
        <translation>商品已停用：接单不再接受该商品。</translation>
    </message>
    <message>
        <source>SKU on sale again.</source>
        <translation>商品已恢复销售。</translation>
    </message>
    <message>
        <source>Product picture</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Picture saved.</source>
        <translation>图片已保存。</translation>
    </message>
    <message>
        <source>Picture removed.</source>
        <translation>图片已移除。</translation>
    </message>
</context>
<context>
    <name>StationKindName</name>
    <message>
        <source>Any work</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>主管</translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <source>Search: station or person…</source>
        <translation>搜索：工作站或人员…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录人员</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近在线</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Choose a station first.</source>
        <translation>请先选择工作站。</translation>
    </message>
    <message>
        <source>Station saved.</source>
        <translation>工作站已保存。</translation>
    </message>
</context>
<context>
    <name>WarehousesPanel</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>库位数</translation>
    </message>
    <message>
        <source>Save warehouse</source>
        <translation>保存仓库</translation>
    </message>
    <message>
        <source>Search: location code or kind…</source>
        <translation>搜索：库位代码或类型…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Set kind</source>
        <translation>设置类型</translation>
    </message>
    <message>
        <source>Retire location</source>
        <translation>停用库位</translation>
    </message>
    <message>
        <source>Use again</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message numerus="yes">
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n 个库位</numerusform>
        </translation>
    </message>
    <message>
        <source>Warehouse saved.</source>
        <translation>仓库已保存。</translation>
    </message>
    <message>
        <source>Choose a location first.</source>
        <translation>请先选择库位。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Location retired.</source>
        <translation>库位已停用。</translation>
    </message>
    <message>
        <source>Location in use again.</source>
        <translation>库位已恢复使用。</translation>
    </message>
    <message>
        <source>Location kind saved.</source>
        <translation>库位类型已保存。</translation>
    </message>
</context>
</TS>
