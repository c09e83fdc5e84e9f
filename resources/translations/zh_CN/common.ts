<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditActionName</name>
    <message>
        <source>Address corrected</source>
        <translation>地址已修正</translation>
    </message>
    <message>
        <source>Batch assigned</source>
        <translation>批次已分配</translation>
    </message>
    <message>
        <source>Batch done</source>
        <translation>批次完成</translation>
    </message>
    <message>
        <source>Batch reassigned</source>
        <translation>批次已转派</translation>
    </message>
    <message>
        <source>Batch started</source>
        <translation>批次开始</translation>
    </message>
    <message>
        <source>Carrier account saved</source>
        <translation>承运商账户已保存</translation>
    </message>
    <message>
        <source>Carrier changed</source>
        <translation>更换承运商</translation>
    </message>
    <message>
        <source>Intercept raised</source>
        <translation>已发起拦截</translation>
    </message>
    <message>
        <source>Label reprinted</source>
        <translation>面单已重打</translation>
    </message>
    <message>
        <source>Label voided</source>
        <translation>面单已作废</translation>
    </message>
    <message>
        <source>Waybill number issued</source>
        <translation>运单号已分配</translation>
    </message>
    <message>
        <source>Waybill numbers allocated</source>
        <translation>运单号已预分配</translation>
    </message>
    <message>
        <source>Customer data opened</source>
        <translation>查看客户资料</translation>
    </message>
    <message>
        <source>Recipient viewed</source>
        <translation>查看收件人</translation>
    </message>
    <message>
        <source>Demo data written</source>
        <translation>写入演示数据</translation>
    </message>
    <message>
        <source>Documents queued</source>
        <translation>单据已排队打印</translation>
    </message>
    <message>
        <source>Exception decided</source>
        <translation>异常已处理</translation>
    </message>
    <message>
        <source>Exception opened</source>
        <translation>新建异常</translation>
    </message>
    <message>
        <source>Feedback recorded</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <source>Insurance claim filed</source>
        <translation>已提交保险理赔</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>接单检查</translation>
    </message>
    <message>
        <source>Station action refused</source>
        <translation>工作站操作被拒</translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation>面单已打印</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Manifest closed</source>
        <translation>交接单已关闭</translation>
    </message>
    <message>
        <source>Manifest opened</source>
        <translation>交接单已创建</translation>
    </message>
    <message>
        <source>Notification failed</source>
        <translation>通知发送失败</translation>
    </message>
    <message>
        <source>Notification sent</source>
        <translation>通知已发送</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>优先级已更改</translation>
    </message>
    <message>
        <source>Order reassigned</source>
        <translation>订单已转派</translation>
    </message>
    <message>
        <source>Order released</source>
        <translation>订单已放行</translation>
    </message>
    <message>
        <source>Order status changed</source>
        <translation>订单状态变更</translation>
    </message>
    <message>
        <source>Orders completed</source>
        <translation>订单已完成</translation>
    </message>
    <message>
        <source>Orders imported</source>
        <translation>订单已导入</translation>
    </message>
    <message>
        <source>Parcel handed over</source>
        <translation>包裹已交接</translation>
    </message>
    <message>
        <source>Parcel packed</source>
        <translation>包裹已打包</translation>
    </message>
    <message>
        <source>Pick confirmed</source>
        <translation>拣货确认</translation>
    </message>
    <message>
        <source>Pick refused</source>
        <translation>拣货被拒</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Release tried</source>
        <translation>尝试放行</translation>
    </message>
    <message>
        <source>Replenishment requested</source>
        <translation>申请补货</translation>
    </message>
    <message>
        <source>Replenishment status changed</source>
        <translation>补货状态变更</translation>
    </message>
    <message>
        <source>Return line decided</source>
        <translation>退货行已处理</translation>
    </message>
    <message>
        <source>Return inspected</source>
        <translation>退货已检查</translation>
    </message>
    <message>
        <source>Return received</source>
        <translation>退货已收货</translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation>申请退货</translation>
    </message>
    <message>
        <source>Return settled</source>
        <translation>退货已结案</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录人员</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Supervisor check failed</source>
        <translation>主管验证失败</translation>
    </message>
    <message>
        <source>Supervisor check refused</source>
        <translation>主管验证被拒</translation>
    </message>
    <message>
        <source>Supervisor verified</source>
        <translation>主管已验证</translation>
    </message>
    <message>
        <source>Tote freed</source>
        <translation>周转箱已释放</translation>
    </message>
    <message>
        <source>Tracking imported</source>
        <translation>导入物流轨迹</translation>
    </message>
    <message>
        <source>Weight override</source>
        <translation>重量放行</translation>
    </message>
    <message>
        <source>Command-line sign-in checked</source>
        <translation>命令行登录已核验</translation>
    </message>
    <message>
        <source>Customer-data key rotated</source>
        <translation>客户数据密钥已轮换</translation>
    </message>
    <message>
        <source>Key rotation started</source>
        <translation>密钥轮换已开始</translation>
    </message>
    <message>
        <source>Keys exported</source>
        <translation>密钥已导出</translation>
    </message>
    <message>
        <source>Keys imported</source>
        <translation>密钥已导入</translation>
    </message>
    <message>
        <source>Location added</source>
        <translation>库位已添加</translation>
    </message>
    <message>
        <source>Location kind changed</source>
        <translation>库位类型已更改</translation>
    </message>
    <message>
        <source>Location restored</source>
        <translation>库位已恢复</translation>
    </message>
    <message>
        <source>Location retired</source>
        <translation>库位已停用</translation>
    </message>
    <message>
        <source>Merchant added</source>
        <translation>商家已添加</translation>
    </message>
    <message>
        <source>Merchant terms changed</source>
        <translation>商家条款已更改</translation>
    </message>
    <message>
        <source>Promotion added</source>
        <translation>促销已添加</translation>
    </message>
    <message>
        <source>Promotion edited</source>
        <translation>促销已编辑</translation>
    </message>
    <message>
        <source>Set-up imported</source>
        <translation>仓库设置已导入</translation>
    </message>
    <message>
        <source>SKU added</source>
        <translation>SKU 已添加</translation>
    </message>
    <message>
        <source>SKU edited</source>
        <translation>SKU 已编辑</translation>
    </message>
    <message>
        <source>SKU picture changed</source>
        <translation>SKU 图片已更改</translation>
    </message>
    <message>
        <source>SKU restored</source>
        <translation>SKU 已恢复</translation>
    </message>
    <message>
        <source>SKU retired</source>
        <translation>SKU 已停用</translation>
    </message>
    <message>
        <source>Station edited</source>
        <translation>工作站已编辑</translation>
    </message>
    <message>
        <source>Station role refused</source>
        <translation>工作站角色被拒绝</translation>
    </message>
    <message>
        <source>Stock adjusted</source>
        <translation>库存已调整</translation>
    </message>
    <message>
        <source>Warehouse added</source>
        <translation>仓库已添加</translation>
    </message>
    <message>
        <source>Warehouse edited</source>
        <translation>仓库已编辑</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>人员已添加</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>人员信息已更改</translation>
    </message>
    <message>
        <source>Person retired</source>
        <translation>人员已停用</translation>
    </message>
    <message>
        <source>Person reinstated</source>
        <translation>人员已恢复</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>角色已更改</translation>
    </message>
    <message>
        <source>Person renamed</source>
        <translation>人员已改名</translation>
    </message>
    <message>
        <source>Badge set</source>
        <translation>工牌已设置</translation>
    </message>
    <message>
        <source>Badge removed</source>
        <translation>工牌已移除</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>PIN 码已设置</translation>
    </message>
    <message>
        <source>PIN cleared</source>
        <translation>PIN 码已清除</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>账户已解锁</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN 码已更改</translation>
    </message>
    <message>
        <source>Count opened</source>
        <translation>盘点单已开立</translation>
    </message>
    <message>
        <source>Count submitted</source>
        <translation>盘点已提交</translation>
    </message>
    <message>
        <source>Count approved</source>
        <translation>盘点已批准</translation>
    </message>
    <message>
        <source>Count to be done again</source>
        <translation>需重新盘点</translation>
    </message>
    <message>
        <source>Refill planned</source>
        <translation>已计划补货</translation>
    </message>
    <message>
        <source>Pick face refilled</source>
        <translation>拣货位已补货</translation>
    </message>
    <message>
        <source>Reservation re-planned</source>
        <translation>预留已重新分配</translation>
    </message>
    <message>
        <source>Order released: stock arrived</source>
        <translation>订单放行：库存已到</translation>
    </message>
    <message>
        <source>Transfer requested</source>
        <translation>已申请调拨</translation>
    </message>
    <message>
        <source>Transfer picked and sent</source>
        <translation>调拨已拣货发出</translation>
    </message>
    <message>
        <source>Inbound notice written</source>
        <translation>已生成到货通知</translation>
    </message>
</context>
<context>
    <name>AuditEntityName</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Station journal</source>
        <translation>工作站日志</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Pick task</source>
        <translation>拣货任务</translation>
    </message>
    <message>
        <source>Replenishment request</source>
        <translation>补货申请</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>运单</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Tote</source>
        <translation>周转箱</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>Refill task</source>
        <translation>补货任务</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
</context>
<context>
    <name>AuditFieldName</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>other bins</source>
        <translation>其他库位</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>carton</source>
        <translation>纸箱</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>有损坏</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>first</source>
        <translation>首个</translation>
    </message>
    <message>
        <source>for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>found</source>
        <translation>找到</translation>
    </message>
    <message>
        <source>from</source>
        <translation>原</translation>
    </message>
    <message>
        <source>from batch</source>
        <translation>原批次</translation>
    </message>
    <message>
        <source>from picker</source>
        <translation>原拣货员</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>审核项</translation>
    </message>
    <message>
        <source>held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>insured value</source>
        <translation>保价金额</translation>
    </message>
    <message>
        <source>print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>交接单</translation>
    </message>
    <message>
        <source>matches the order</source>
        <translation>与订单一致</translation>
    </message>
    <message>
        <source>weighed</source>
        <translation>实称</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>new order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>orders shipped</source>
        <translation>已发货订单</translation>
    </message>
    <message>
        <source>packaging intact</source>
        <translation>包装完好</translation>
    </message>
    <message>
        <source>parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <source>picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>rules chose</source>
        <translation>规则选择</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>parcel no.</source>
        <translation>包裹序号</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>stops</source>
        <translation>站点数</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>预警线</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>had a PIN</source>
        <translation>原有 PIN 码</translation>
    </message>
    <message>
        <source>had a badge</source>
        <translation>原有工牌</translation>
    </message>
    <message>
        <source>was locked</source>
        <translation>曾被锁定</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation>已调整</translation>
    </message>
    <message>
        <source>waiting for a supervisor</source>
        <translation>待主管审批</translation>
    </message>
    <message>
        <source>counted by</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <source>approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>from bin</source>
        <translation>源库位</translation>
    </message>
    <message>
        <source>to bin</source>
        <translation>目标库位</translation>
    </message>
    <message>
        <source>backordered</source>
        <translation>转为缺货</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>已转移</translation>
    </message>
    <message>
        <source>from warehouse</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>到货通知</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>取货</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>warehouses</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>locations</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>merchants</source>
        <translation>商家</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>merchant</source>
        <translation>商家</translation>
    </message>
</context>
<context>
    <name>AuditValueName</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <source>shipping label</source>
        <translation>面单</translation>
    </message>
    <message>
        <source>packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>customer data</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>express</source>
        <translation>特快</translation>
    </message>
    <message>
        <source>opening balance</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>cycle count</source>
        <translation>循环盘点</translation>
    </message>
    <message>
        <source>short pick</source>
        <translation>拣货短缺</translation>
    </message>
    <message>
        <source>count again</source>
        <translation>重新盘点</translation>
    </message>
    <message>
        <source>bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已调整数</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
</context>
<context>
    <name>DecisionName</name>
    <message>
        <source>Transfer from another warehouse</source>
        <translation>从其他仓库调货</translation>
    </message>
    <message>
        <source>Wait for stock</source>
        <translation>等待补货</translation>
    </message>
    <message>
        <source>Substitute (customer consents)</source>
        <translation>替代商品（客户同意）</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Full refund (cancel)</source>
        <translation>全额退款（取消）</translation>
    </message>
    <message>
        <source>Release after the fix</source>
        <translation>修正后放行</translation>
    </message>
    <message>
        <source>Accept as is (ship without a fix)</source>
        <translation>按原样接受（不修正即发货）</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Reship</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>Approve the count (adjust stock)</source>
        <translation>批准盘点（调整库存）</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>重新盘点</translation>
    </message>
    <message>
        <source>Accept the delay, keep waiting</source>
        <translation>接受延误，继续等待</translation>
    </message>
    <message>
        <source>Return to stock when it comes back</source>
        <translation>退回后入库</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>Last scan: —</source>
        <translation>上次扫描：—</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Last scan: {scan}</source>
        <translation>上次扫描：{scan}</translation>
    </message>
</context>
<context>
    <name>ExceptionKindName</name>
    <message>
        <source>Address hold</source>
        <translation>地址挂起</translation>
    </message>
    <message>
        <source>Price hold</source>
        <translation>价格挂起</translation>
    </message>
    <message>
        <source>Payment hold</source>
        <translation>付款挂起</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>Weight override</source>
        <translation>重量放行</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Not handed over</source>
        <translation>未交接</translation>
    </message>
    <message>
        <source>Refused on delivery</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢件</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Count variance</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <source>Intercept</source>
        <translation>拦截</translation>
    </message>
</context>
<context>
    <name>FeedbackCategory</name>
    <message>
        <source>Delivery speed</source>
        <translation>配送速度</translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>商品质量</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>FiguresStage</name>
    <message>
        <source>Release</source>
        <translation>放行</translation>
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
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide: {role}</source>
        <translation>使用指南：{role}</translation>
    </message>
    <message>
        <source>The user guide is not installed at this station ({path}).</source>
        <translation>本工作站未安装使用指南（{path}）。</translation>
    </message>
</context>
<context>
    <name>HoldReasonName</name>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>工作区(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Picking</source>
        <translation>拣货(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;acking</source>
        <translation>打包(&amp;A)</translation>
    </message>
    <message>
        <source>Super&amp;vision</source>
        <translation>主管(&amp;V)</translation>
    </message>
    <message>
        <source>A&amp;dministration</source>
        <translation>系统管理(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Receiving</source>
        <translation>收货(&amp;R)</translation>
    </message>
    <message>
        <source>Put &amp;wall</source>
        <translation>播种墙(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Pickdesk</source>
        <translation>关于 Pickdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>工作站：{name}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>{name} signed in at station {station}: signed out here.</source>
        <translation>{name} 已在工作站 {station} 登录：本工作站已退出登录。</translation>
    </message>
    <message>
        <source>{name} was signed out of this station elsewhere.</source>
        <translation>{name} 已在别处被退出本工作站。</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to sync</source>
        <translation>
            <numerusform>%n 条操作待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>中央数据库</translation>
    </message>
    <message>
        <source>Sign-out was not recorded: {error}</source>
        <translation>退出登录未能记录：{error}</translation>
    </message>
    <message>
        <source>Station name kept</source>
        <translation>工作站名称未更改</translation>
    </message>
    <message numerus="yes">
        <source>The station keeps its name until its %n waiting action(s) have reached the central database. Try again when the status bar no longer shows them.</source>
        <translation>
            <numerusform>本工作站还有 %n 条操作待同步到中央数据库，同步完成前不能更改名称。状态栏不再显示待同步时请再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new database is used after a restart.</source>
        <translation>新数据库将在重启后生效。</translation>
    </message>
    <message>
        <source>The new settings reach this screen when the batch or order in hand is done.</source>
        <translation>新设置将在当前批次或订单完成后应用到此界面。</translation>
    </message>
    <message>
        <source>About Pickdesk</source>
        <translation>关于 Pickdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;Warehouse desktop client: pick, pack, ship, supervise.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;仓库桌面客户端：拣货、打包、发货、监管。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>NoWorkspaceView</name>
    <message>
        <source>No workspace for your role yet</source>
        <translation>您的角色暂无工作台</translation>
    </message>
    <message>
        <source>You are signed in as {name} ({role}). This station has no workspace for the {role} role yet, so there is nothing to do here for now. Ask a supervisor what to work on, and sign out when you leave the station.</source>
        <translation>您已以 {name}（{role}）身份登录。本工作站暂时还没有「{role}」角色的工作台，目前这里没有可做的工作。请向主管询问当前的工作，离开工作站时请退出登录。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>OrderStatusName</name>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢件</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PriorityName</name>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Expedited</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
</context>
<context>
    <name>ReplenishmentReasonName</name>
    <message>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation>拣货缺货</translation>
    </message>
</context>
<context>
    <name>ReplenishmentStatusName</name>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ReturnDecisionName</name>
    <message>
        <source>Restock</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
</context>
<context>
    <name>ReturnReasonName</name>
    <message>
        <source>No-reason return</source>
        <translation>无理由退货</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation>发错商品</translation>
    </message>
    <message>
        <source>Refused on delivery</source>
        <translation>拒收</translation>
    </message>
</context>
<context>
    <name>ReturnResolutionName</name>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Reshipped</source>
        <translation>已重发</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已维修</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已换货</translation>
    </message>
</context>
<context>
    <name>ReturnStatusName</name>
    <message>
        <source>Requested</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>请核对</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>empty: the built-in database</source>
        <translation>留空：使用内置数据库</translation>
    </message>
    <message>
        <source>System printer</source>
        <translation>系统打印机</translation>
    </message>
    <message>
        <source>Network printer (raw TCP 9100)</source>
        <translation>网络打印机（TCP 9100 直连）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Cainiao print component</source>
        <translation>菜鸟打印组件</translation>
    </message>
    <message>
        <source>queue, host:port, folder or printer@ws://localhost:13528</source>
        <translation>队列、主机:端口、文件夹，或「打印机@菜鸟打印组件地址」</translation>
    </message>
    <message>
        <source>Cainiao template</source>
        <translation>菜鸟模板</translation>
    </message>
    <message>
        <source>Cainiao only: https://cloudprint.cainiao.com/template/…</source>
        <translation>仅菜鸟打印组件：其云打印模板的地址</translation>
    </message>
    <message>
        <source>keyboard only</source>
        <translation>仅键盘</translation>
    </message>
    <message>
        <source>no scale</source>
        <translation>无电子秤</translation>
    </message>
    <message>
        <source>Continuous output</source>
        <translation>连续输出</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Large type (handhelds and tablets)</source>
        <translation>大字体（手持终端和平板）</translation>
    </message>
    <message>
        <source>Mute scan sounds</source>
        <translation>扫描提示音静音</translation>
    </message>
    <message>
        <source>A supervisor confirms</source>
        <translation>由主管确认</translation>
    </message>
    <message>
        <source>badge or login</source>
        <translation>工牌或用户名</translation>
    </message>
    <message>
        <source>PIN (not with a badge)</source>
        <translation>PIN 码（扫工牌时不需要）</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Appearance and sound</source>
        <translation>外观与声音</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <source>Template URL</source>
        <translation>模板地址</translation>
    </message>
    <message>
        <source>Scanner and scale</source>
        <translation>扫描枪与电子秤</translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation>扫描枪串口</translation>
    </message>
    <message>
        <source>Scanner baud rate</source>
        <translation>扫描枪波特率</translation>
    </message>
    <message>
        <source>Scale port</source>
        <translation>电子秤串口</translation>
    </message>
    <message>
        <source>Scale baud rate</source>
        <translation>电子秤波特率</translation>
    </message>
    <message>
        <source>Scale protocol</source>
        <translation>电子秤协议</translation>
    </message>
    <message>
        <source>Give the station a name.</source>
        <translation>请填写工作站名称。</translation>
    </message>
    <message>
        <source>The Cainiao print component prints the Cainiao template format, and only it does.</source>
        <translation>菜鸟打印组件只打印菜鸟模板格式，该格式也只能由它打印。</translation>
    </message>
    <message>
        <source>Give the Cainiao template URL (http(s)://…).</source>
        <translation>请填写菜鸟模板地址（http(s)://…）。</translation>
    </message>
    <message>
        <source>The database, printer and devices are a supervisor&apos;s or an admin&apos;s to change: sign in as one first.</source>
        <translation>数据库、打印机和设备只能由主管或管理员更改：请先以主管或管理员身份登录。</translation>
    </message>
    <message>
        <source>A supervisor or admin confirms changes to the database, printer or devices: their badge, or login and PIN.</source>
        <translation>更改数据库、打印机或设备须由主管或管理员确认：扫描其工牌，或输入用户名和 PIN 码。</translation>
    </message>
    <message>
        <source>Checking the supervisor…</source>
        <translation>正在核验主管…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Everything on this screen works from the keyboard: Tab moves between fields, Enter confirms, and these keys act at once:</source>
        <translation>本界面的所有操作都可以用键盘完成：Tab 键在字段间移动，回车键确认，以下按键可直接执行操作：</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Station {station}</source>
        <translation>工作站 {station}</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>请选择您的姓名</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 至 8 位数字</translation>
    </message>
    <message>
        <source>or scan your &amp;badge</source>
        <translation>或扫描工牌(&amp;B)</translation>
    </message>
    <message>
        <source>Loading names…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>请先选择您的姓名。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <source>That is not a badge: scan your employee badge or use your PIN.</source>
        <translation>这不是工牌：请扫描您的员工工牌或使用 PIN 码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>TrackingEventName</name>
    <message>
        <source>Picked up</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>延误</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢件</translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>主管工作台</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理工作台</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Pickdesk</source>
        <translation>Pickdesk</translation>
    </message>
    <message>
        <source>The central database could not be opened.</source>
        <translation>无法打开中央数据库。</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot reach the central database: {error}</source>
        <translation>无法连接中央数据库：{error}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
</TS>
