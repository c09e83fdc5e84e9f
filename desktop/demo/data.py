"""Fixed vocabularies of the demo warehouse: merchants, products, addresses, people, carriers.

Kept apart from the builder so the builder reads as the story of the data, not as lists.
Addresses are real administrative divisions (province → city → district) with their postcodes.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.packing import CARTONS  # noqa: F401 - the cartons' source of truth; the builder reads D.CARTONS

# code, name, name_zh, phone, address, min remaining shelf days, return days, kind of goods
MERCHANTS = [
    ("M1", "Lotus Home", "莲花家居", "+86 755 8666 1201", "深圳市南山区科技园南区科苑路 15 号", 0, 7, "home"),
    ("M2", "Jade Spring Health", "玉泉健康", "+86 20 3866 2202", "广州市天河区天河路 385 号", 30, 7, "food"),
    ("M3", "Pinecone Electronics", "松果电子", "+86 21 6233 3303", "上海市浦东新区张江路 88 号", 0, 15, "electronics"),
    ("M4", "Bamboo Baby", "竹子母婴", "+86 571 8877 4404", "杭州市西湖区文三路 199 号", 60, 7, "baby"),
]

RETURN_INSTRUCTIONS = {
    "M1": "Returns within 7 days, unused and in the original packaging. 7 天内未使用且包装完好可无理由退货。",
    "M2": "Food can be returned only for quality problems. 食品仅在质量问题时可退换。",
    "M3": "15-day returns; 1-year warranty on every device. 15 天无理由退货，整机保修一年。",
    "M4": "Unopened items within 7 days. 未开封商品 7 天内可退。",
}

# (English noun, Chinese noun, weight g, (l, w, h) mm, value range, fragile, lot tracked, shelf life days)
PRODUCTS = {
    "home": [
        ("Ceramic Mug", "陶瓷马克杯", 380, (120, 95, 110), (29, 69), True, False, 0),
        ("Glass Teapot", "玻璃茶壶", 650, (200, 150, 160), (59, 159), True, False, 0),
        ("Bamboo Cutting Board", "竹制砧板", 900, (380, 250, 20), (39, 99), False, False, 0),
        ("Cotton Towel", "纯棉毛巾", 160, (300, 150, 30), (15, 45), False, False, 0),
        ("Porcelain Bowl Set", "骨瓷碗套装", 1400, (250, 250, 150), (89, 259), True, False, 0),
        ("Storage Box", "收纳盒", 520, (300, 200, 180), (25, 79), False, False, 0),
        ("Scented Candle", "香薰蜡烛", 300, (80, 80, 100), (35, 129), True, False, 0),
    ],
    "food": [
        ("Green Tea 250g", "绿茶 250克", 280, (150, 80, 80), (48, 198), False, True, 540),
        ("Goji Berries 500g", "枸杞 500克", 520, (200, 140, 60), (39, 99), False, True, 365),
        ("Vitamin C Tablets", "维生素C片", 180, (60, 60, 110), (59, 169), False, True, 730),
        ("Honey 500g", "蜂蜜 500克", 720, (90, 90, 140), (45, 139), True, True, 720),
        ("Oat Milk 1L", "燕麦奶 1升", 1080, (95, 65, 195), (12, 29), False, True, 180),
        ("Dark Chocolate", "黑巧克力", 110, (160, 80, 12), (15, 45), False, True, 365),
    ],
    "electronics": [
        ("Bluetooth Earbuds", "蓝牙耳机", 120, (90, 60, 40), (199, 899), False, False, 0),
        ("Power Bank 10000mAh", "充电宝 10000毫安", 240, (140, 70, 20), (99, 259), False, False, 0),
        ("USB-C Cable", "USB-C 数据线", 60, (120, 80, 20), (19, 69), False, False, 0),
        ("Smart Watch", "智能手表", 180, (110, 90, 80), (599, 2499), True, False, 0),
        ("Mechanical Keyboard", "机械键盘", 980, (450, 160, 50), (299, 899), False, False, 0),
        ("Tablet 11-inch", "11英寸平板电脑", 620, (280, 200, 40), (1999, 4999), True, False, 0),
    ],
    "baby": [
        ("Infant Formula 800g", "婴儿配方奶粉 800克", 1020, (130, 130, 180), (228, 428), False, True, 720),
        ("Rice Cereal", "婴儿米粉", 260, (180, 120, 60), (45, 99), False, True, 540),
        ("Baby Wipes 80pcs", "婴儿湿巾 80抽", 520, (200, 110, 70), (15, 39), False, True, 1095),
        ("Feeding Bottle", "奶瓶", 140, (80, 80, 190), (69, 189), True, False, 0),
        ("Diapers M 60pcs", "纸尿裤 M码 60片", 1900, (380, 250, 150), (99, 189), False, False, 0),
    ],
}

VARIANTS = ["Classic", "Plus", "Mini", "Pro", "Lite", "Family", "Travel", "Deluxe", "Eco", "Max",
            "Blue", "Red", "White", "Black", "Green", "Grey", "Large", "Small", "Original", "Spring"]
VARIANTS_ZH = ["经典", "升级", "迷你", "专业", "轻享", "家庭", "旅行", "豪华", "环保", "超大",
               "蓝色", "红色", "白色", "黑色", "绿色", "灰色", "大号", "小号", "原味", "春季"]

# province, city, district, postcode, street templates
CN_ADDRESSES = [
    ("广东省", "深圳市", "南山区", "518057", "科苑路{n}号{b}栋{r}室"),
    ("广东省", "深圳市", "福田区", "518048", "福华三路{n}号{b}单元{r}"),
    ("广东省", "广州市", "天河区", "510620", "体育西路{n}号{b}座{r}"),
    ("北京市", "北京市", "朝阳区", "100020", "建国路{n}号院{b}号楼{r}"),
    ("北京市", "北京市", "海淀区", "100080", "中关村大街{n}号{b}层{r}"),
    ("上海市", "上海市", "浦东新区", "200120", "陆家嘴环路{n}号{b}楼{r}室"),
    ("上海市", "上海市", "徐汇区", "200030", "漕溪北路{n}弄{b}号{r}室"),
    ("浙江省", "杭州市", "西湖区", "310013", "文三路{n}号{b}幢{r}"),
    ("江苏省", "南京市", "鼓楼区", "210008", "中山北路{n}号{b}栋{r}"),
    ("四川省", "成都市", "武侯区", "610041", "人民南路四段{n}号{b}栋{r}"),
    ("湖北省", "武汉市", "洪山区", "430070", "珞喻路{n}号{b}栋{r}"),
    ("陕西省", "西安市", "雁塔区", "710061", "长安南路{n}号{b}单元{r}"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "830002", "解放南路{n}号{b}栋{r}"),
    ("西藏自治区", "拉萨市", "城关区", "850000", "北京中路{n}号{b}单元{r}"),
    ("内蒙古自治区", "呼和浩特市", "新城区", "010050", "新华大街{n}号{b}栋{r}"),
    ("云南省", "昆明市", "五华区", "650032", "东风西路{n}号{b}栋{r}"),
]

# Bad addresses that a mall really sends: each names the field intake will hold the order for.
CN_BAD_ADDRESSES = [
    ("广东省", "深圳市", "", "518000", "科技园某大厦{n}号", "district"),  # missing district
    ("广东省", "杭州市", "西湖区", "310013", "文三路{n}号", "city"),  # city not in the province
    ("浙江省", "杭州市", "西湖区", "310013", "", "detail"),  # no street address
]

# country, region, city, postcode, street, phone template
INTL_ADDRESSES = [
    ("US", "CA", "San Francisco", "94103", "{n} Market Street, Apt {r}", "+1 415 555 {p4}"),
    ("GB", "", "London", "SW1A 1AA", "{n} Whitehall, Flat {r}", "+44 20 7946 {p4}"),
    ("SG", "", "Singapore", "018956", "{n} Marina Boulevard #{b}-{r}", "+65 6123 {p4}"),
    ("JP", "東京都", "千代田区", "100-0005", "丸の内{n}-{b}-{r}", "+81 3 1234 {p4}"),
    ("HK", "Hong Kong Island", "Central", "", "Flat {r}, {n} Queen's Road Central", "+852 2123 {p4}"),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明",
         "超", "秀英", "俊杰", "子涵", "欣怡", "浩然", "雨萱", "宇轩"]
INTL_NAMES = ["Emily Carter", "James Wilson", "Sophie Martin", "Tan Wei Ming", "Yuki Tanaka",
              "Oliver Brown", "Chloe Lee", "Daniel Ng"]
MOBILE_PREFIXES = ["138", "139", "135", "136", "150", "151", "158", "186", "187", "188", "177", "199"]

# Users: login, display name, role, PIN, badge
USERS = [
    ("picker1", "Li Na 李娜", "picker", "1111", "BADGE-P00001"),
    ("picker2", "Wang Qiang 王强", "picker", "2222", "BADGE-P00002"),
    ("picker3", "Chen Jie 陈杰", "picker", "2323", "BADGE-P00003"),
    ("packer1", "Zhao Min 赵敏", "packer", "3333", "BADGE-K00001"),
    ("packer2", "Liu Yang 刘洋", "packer", "4444", "BADGE-K00002"),
    ("receiver1", "Sun Hao 孙浩", "receiver", "6666", "BADGE-R00001"),
    ("super1", "Zhou Jing 周静", "supervisor", "5555", "BADGE-S00001"),
    ("admin", "Administrator 管理员", "admin", "9999", "BADGE-A00001"),
]

REMOTE_PROVINCES = ["新疆维吾尔自治区", "西藏自治区", "青海省", "内蒙古自治区", "宁夏回族自治区", "甘肃省"]

CARRIERS = [
    ("SF", "SF Express", "顺丰速运", {
        "tracking_prefix": "SF", "tracking_digits": 12,
        "services": {"standard": {"label": "标快 Standard", "days": 2, "base": "12.00", "per_kg": "2.00"},
                     "express": {"label": "特快 Express", "days": 1, "base": "23.00", "per_kg": "5.00"}},
        "max_weight_g": 50000, "remote_provinces": [], "remote_surcharge": "10.00",
        "cod": True, "international": ["HK", "SG", "JP", "US", "GB"], "insurance_rate": "0.005",
    }),
    ("ZTO", "ZTO Express", "中通快递", {
        "tracking_prefix": "ZT", "tracking_digits": 12,
        "services": {"standard": {"label": "标准快递 Standard", "days": 3, "base": "6.00", "per_kg": "1.00"}},
        "max_weight_g": 30000, "remote_provinces": ["新疆维吾尔自治区", "西藏自治区"],
        "cod": True, "international": [], "insurance_rate": "0.01",
    }),
    ("EMS", "China Post EMS", "中国邮政 EMS", {
        "tracking_prefix": "E", "tracking_format": "S10",
        "services": {"standard": {"label": "标准快递 Standard", "days": 4, "base": "15.00", "per_kg": "3.00"}},
        "max_weight_g": 40000, "remote_provinces": [], "remote_surcharge": "0.00",
        "cod": False, "international": ["US", "GB", "SG", "JP", "HK"], "insurance_rate": "0.01",
    }),
]

# Promotions in force: code, kind, params, merchant (None: every merchant), valid days from as_of (None: open)
PROMOTIONS = [
    ("SAVE10", "coupon", {"amount_off": "10.00", "min_spend": "100.00"}, None, (-30, 30)),
    ("NEW20", "coupon", {"amount_off": "20.00", "min_spend": "199.00"}, None, (-30, 60)),
    ("OLD5", "coupon", {"amount_off": "5.00", "min_spend": "0.00"}, None, (-90, -10)),  # expired
    ("TIER-GOLD", "tier", {"tier": "gold", "percent": "5"}, None, None),
    ("TIER-PLATINUM", "tier", {"tier": "platinum", "percent": "8"}, None, None),
    ("FULL200-20", "threshold", {"threshold": "200.00", "amount_off": "20.00"}, None, None),
]


DEFAULT_SHIPPING_FEE = Decimal("8.00")
