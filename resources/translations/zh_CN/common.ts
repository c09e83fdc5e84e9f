<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <source>Last scan: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last scan: {scan}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File · 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings… · 设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out · 退出登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit · 退出程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace · 工作区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Picking · 拣货</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;acking · 打包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super&amp;vision · 主管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help · 帮助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Pickdesk · 关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station · 工作站: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in · 未登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏳ {n} waiting to sync · {n} 条待同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking database… · 检查中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected · 已连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connection lost · 连接中断</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database · 中央数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-out was not recorded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database is used after a restart. · 新数据库将在重启后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Pickdesk · 关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;Warehouse desktop client: pick, pack, ship, supervise.&lt;/p&gt;&lt;p&gt;仓库桌面客户端：拣货、打包、发货、监管。&lt;/p&gt;&lt;p&gt;Database · 数据库: {db}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings · 设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the built-in database · 留空：使用内置数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System printer · 系统打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network, raw TCP 9100 · 网络打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder · 文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue, host:port or folder · 队列、主机:端口或文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyboard only · 仅键盘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scale · 无电子秤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuous · 连续输出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system · 跟随系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save · 保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel · 取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station · 工作站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name · 工作站名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL · 数据库地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language · 语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printer · 标签打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind · 类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target · 目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format · 格式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label size · 标签尺寸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner and scale · 扫描枪与电子秤</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner port · 扫描枪串口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner baud · 扫描枪波特率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale port · 电子秤串口</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale baud · 电子秤波特率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale protocol · 电子秤协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the station a name. · 请填写工作站名称。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign in · 登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station {station} · 工作站 {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you? · 请选择您的姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN · PIN 码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 8 digits · 4 至 8 位数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or scan your &amp;badge · 或扫描工牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading names… · 正在加载…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first. · 请先选择您的姓名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN. · 请输入 PIN 码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a badge: scan your employee badge or use your PIN.
这不是工牌：请扫描您的员工工牌或使用 PIN 码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking… · 正在验证…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the central database: {error}
无法连接中央数据库。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Opening the database… · 正在打开数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database could not be opened. · 无法打开中央数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings… · 设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again · 重试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit · 退出</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
