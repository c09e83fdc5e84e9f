<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminWorkspace</name>
    <message>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarrierProtocol</name>
    <message>
        <source>SF open platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuaidi100 tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cainiao print component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alibaba Cloud SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (offline)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CarriersPanel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept (sealed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SF, KUAIDI100 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy waybills (masked phone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner / customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the check word or key the carrier issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept — type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account saved; the secret is kept sealed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationKindName</name>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MerchantsPanel</name>
    <message>
        <source>Search: merchant code or name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: never free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One region a line — fee: province, province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free shipping from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warranty days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum shelf life (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a merchant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each regional fee is a line &quot;fee: province, province&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login, e.g. picker7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new badge: scan or type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in: no PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} added: set a PIN so they can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN set: they can sign in with it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN cleared: they cannot sign in until a new one is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked: they can try their PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired: signed out everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionKindName</name>
    <message>
        <source>Coupon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionsPanel</name>
    <message>
        <source>Search: promotion code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders it touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{off} off from {spend}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % for {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent} % off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Orders it touched: %n</source>
        <translation>
            <numerusform>Orders it touched: %n</numerusform>
            <numerusform>Orders it touched: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a promotion first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validity saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SkusPanel</name>
    <message>
        <source>Search: SKU, GTIN or product name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L × W × H (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock under</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n SKU</numerusform>
            <numerusform>%n SKUs</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a SKU first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU retired: intake no longer takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU on sale again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationKindName</name>
    <message>
        <source>Any work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <source>Search: station or person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a station first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarehousesPanel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search: location code or kind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n location(s)</source>
        <translation>
            <numerusform>%n location</numerusform>
            <numerusform>%n locations</numerusform>
        </translation>
    </message>
    <message>
        <source>Warehouse saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a location first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location in use again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location kind saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
