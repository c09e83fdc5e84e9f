<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditActionName</name>
    <message>
        <source>Address corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch reassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier account saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intercept raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label reprinted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill number issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waybill numbers allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer data opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance claim filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station action refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order reassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replenishment requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replenishment status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return line decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor check refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote freed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command-line sign-in checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer-data key rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key rotation started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location kind changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant terms changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU picture changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station role refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person reinstated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count to be done again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refill planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick face refilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservation re-planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order released: stock arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer picked and sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound notice written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditEntityName</name>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replenishment request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refill task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditFieldName</name>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insured value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packaging intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules chose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parcel no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>had a PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>had a badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warehouses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promotions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merchant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditValueName</name>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipping label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packing slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cycle count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionName</name>
    <message>
        <source>Transfer from another warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substitute (customer consents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full refund (cancel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release after the fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept as is (ship without a fix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the count (adjust stock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the delay, keep waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to stock when it comes back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last scan: {scan}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionKindName</name>
    <message>
        <source>Address hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused on delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intercept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackCategory</name>
    <message>
        <source>Delivery speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresStage</name>
    <message>
        <source>Release</source>
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
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide is not installed at this station ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoldReasonName</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;acking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super&amp;vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dministration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put &amp;wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} signed in at station {station}: signed out here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was signed out of this station elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to sync</source>
        <translation>
            <numerusform>%n action waiting to sync</numerusform>
            <numerusform>%n actions waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-out was not recorded: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The station keeps its name until its %n waiting action(s) have reached the central database. Try again when the status bar no longer shows them.</source>
        <translation>
            <numerusform>The station keeps its name until its %n waiting action has reached the central database. Try again when the status bar no longer shows it.</numerusform>
            <numerusform>The station keeps its name until its %n waiting actions have reached the central database. Try again when the status bar no longer shows them.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new database is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new settings reach this screen when the batch or order in hand is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Pickdesk {version}&lt;/h3&gt;&lt;p&gt;Warehouse desktop client: pick, pack, ship, supervise.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoWorkspaceView</name>
    <message>
        <source>No workspace for your role yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in as {name} ({role}). This station has no workspace for the {role} role yet, so there is nothing to do here for now. Ask a supervisor what to work on, and sign out when you leave the station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderStatusName</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriorityName</name>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expedited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplenishmentReasonName</name>
    <message>
        <source>Low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short pick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplenishmentStatusName</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDecisionName</name>
    <message>
        <source>Restock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnReasonName</name>
    <message>
        <source>No-reason return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused on delivery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnResolutionName</name>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reshipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnStatusName</name>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the built-in database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network printer (raw TCP 9100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cainiao print component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue, host:port, folder or printer@ws://localhost:13528</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cainiao template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cainiao only: https://cloudprint.cainiao.com/template/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyboard only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuous output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large type (handhelds and tablets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute scan sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>badge or login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (not with a badge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance and sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner and scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner baud rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale baud rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the station a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Cainiao print component prints the Cainiao template format, and only it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the Cainiao template URL (http(s)://…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database, printer and devices are a supervisor&apos;s or an admin&apos;s to change: sign in as one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor or admin confirms changes to the database, printer or devices: their badge, or login and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the supervisor…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything on this screen works from the keyboard: Tab moves between fields, Enter confirms, and these keys act at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or scan your &amp;badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading names…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a badge: scan your employee badge or use your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackingEventName</name>
    <message>
        <source>Picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out for delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pickdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot reach the central database: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
