#pragma once
// Data pools of the sample district: surnames with their weights, given names by sex and generation,
// place, unit and company name parts, posts, and the address codes of one prefecture (济南市, 3701).
// Internal to the generator.

#include <array>
#include <string_view>

namespace dangyuan::sample::detail {

struct weighted {
    std::string_view text;
    double weight;
};

// Surnames as they occur in Shandong (weights in per mille, rounded); a few compound surnames.
inline constexpr std::array<weighted, 84> surnames{{
    {"王", 90}, {"张", 80}, {"李", 80}, {"刘", 60},    {"陈", 30},    {"杨", 30},    {"赵", 30},
    {"孙", 30}, {"徐", 25}, {"马", 25}, {"高", 25},    {"于", 22},    {"董", 15},    {"郭", 15},
    {"田", 13}, {"宋", 13}, {"魏", 12}, {"韩", 12},    {"吴", 12},    {"周", 12},    {"朱", 12},
    {"胡", 10}, {"曹", 10}, {"孟", 10}, {"姜", 10},    {"崔", 10},    {"程", 8},     {"袁", 8},
    {"许", 8},  {"吕", 8},  {"邢", 6},  {"毕", 6},     {"薛", 6},     {"侯", 6},     {"任", 6},
    {"贾", 6},  {"范", 6},  {"谢", 5},  {"冯", 5},     {"邓", 4},     {"彭", 4},     {"曾", 3},
    {"肖", 4},  {"梁", 5},  {"唐", 4},  {"杜", 5},     {"秦", 5},     {"石", 5},     {"尹", 4},
    {"段", 4},  {"牛", 4},  {"申", 3},  {"苏", 4},     {"丁", 5},     {"卢", 4},     {"蒋", 3},
    {"蔡", 3},  {"沈", 3},  {"姚", 4},  {"房", 3},     {"闫", 4},     {"潘", 3},     {"庞", 3},
    {"鲁", 3},  {"葛", 3},  {"安", 3},  {"付", 4},     {"白", 3},     {"常", 3},     {"武", 4},
    {"耿", 3},  {"路", 3},  {"钱", 2},  {"孔", 4},     {"颜", 2},     {"岳", 3},     {"林", 4},
    {"罗", 3},  {"郑", 4},  {"廉", 1},  {"欧阳", 0.5}, {"司马", 0.3}, {"诸葛", 0.2}, {"上官", 0.2},
}};

// Given names by sex and by generation (born before 1966, 1966-1985, after 1985).
inline constexpr std::array<std::string_view, 25> male_old{
    "建国", "建军", "国庆", "卫东", "卫国", "志强", "志刚", "建华", "振华", "德明", "德胜", "永贵", "长海",
    "学文", "庆林", "传福", "宝山", "玉柱", "福来", "保国", "红旗", "洪涛", "明亮", "新民", "树林"};
inline constexpr std::array<std::string_view, 25> male_mid{
    "伟",   "勇",   "军",   "强",   "磊",   "涛",   "斌",   "刚",   "鹏",   "辉",   "峰",   "健",  "海波",
    "志勇", "建伟", "立新", "晓东", "文斌", "国栋", "永刚", "春雷", "学军", "红军", "海涛", "新华"};
inline constexpr std::array<std::string_view, 25> male_young{
    "浩",   "宇",   "博",   "杰",   "鑫", "昊", "晨", "子豪", "浩然", "宇航", "俊杰", "文博", "子轩",
    "一鸣", "思远", "天宇", "泽宇", "皓", "睿", "铭", "嘉豪", "梓豪", "家乐", "明轩", "若愚"};
inline constexpr std::array<std::string_view, 25> female_old{
    "秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "秀珍", "素芳", "玉梅", "淑英", "桂芝", "凤兰",
    "丽华", "秀云", "玉珍", "春兰", "冬梅", "红英", "爱华", "美兰", "翠英", "金凤", "淑华", "玉芳"};
inline constexpr std::array<std::string_view, 25> female_mid{
    "丽",   "敏",   "静",   "艳",   "娟",   "霞",   "燕", "红", "芳", "玲", "丽娟", "海燕", "晓燕",
    "艳红", "红梅", "雪梅", "晓丽", "春燕", "丽萍", "慧", "琳", "颖", "丹", "萍",   "婷"};
inline constexpr std::array<std::string_view, 25> female_young{
    "婷婷", "欣怡", "雨涵", "梓涵", "诗涵", "佳怡", "子涵", "思琪", "梦瑶", "雨欣", "可馨", "佳琪", "欣妍",
    "悦",   "萱",   "琪",   "瑶",   "琳琳", "晓彤", "嘉怡", "雅琪", "佳慧", "文静", "一诺", "若曦"};

// Place names of the city, used for streets (街道), communities (社区) and schools.
inline constexpr std::array<std::string_view, 76> places{
    "甸柳",   "燕山",   "文化",   "姚家",   "龙洞",   "智远",   "舜华",   "千佛山", "趵突泉", "泉城路",
    "大明湖", "东关",   "文东",   "建新",   "历山",   "解放路", "舜玉",   "七里山", "六里山", "八里洼",
    "王官庄", "四里村", "杆石桥", "魏家庄", "大观园", "泉景",   "燕子山", "羊头峪", "山大路", "洪家楼",
    "转山",   "青龙山", "和平",   "窑头",   "甸新",   "浆水泉", "佛山",   "兴隆",   "玉函",   "十亩园",
    "南全福", "北园",   "二环东", "荷花",   "百花",   "鹊华",   "华山",   "泺源",   "舜耕",   "环山",
    "二七",   "开元",   "千佛",   "金鸡",   "黑虎",   "芙蓉",   "曲水",   "县西",   "正觉寺", "按察司",
    "旅游路", "奥体",   "龙奥",   "汉峪",   "舜华南", "港沟",   "彩石",   "唐冶",   "孙村",   "郭店",
    "遥墙",   "董家",   "临港",   "柳埠",   "西营",   "仲宫"};
// Parts of newer community names (小区): 东 + 苑, 锦 + 花园 …
inline constexpr std::array<std::string_view, 20> estate_first{"东", "西", "南", "北", "新", "和", "康",
                                                               "福", "泉", "明", "华", "文", "锦", "玉",
                                                               "金", "翠", "绿", "清", "安", "兴"};
inline constexpr std::array<std::string_view, 16> estate_second{
    "苑",   "园",   "庭",   "里",   "城",   "居",   "湾",   "府",
    "花园", "家园", "雅苑", "名邸", "嘉园", "新村", "东苑", "西苑"};
// Village name patterns: surname + one of these.
inline constexpr std::array<std::string_view, 8> village_forms{"家庄", "庄",   "家村", "官庄",
                                                               "家店", "家营", "家屯", "家洼"};
inline constexpr std::array<std::string_view, 4> directions{"东", "西", "南", "北"};

// Departments of a district government (区直机关), and sub-units for when there are more branches.
inline constexpr std::array<std::string_view, 40> departments{"区委办公室",
                                                              "区政府办公室",
                                                              "区委组织部",
                                                              "区委宣传部",
                                                              "区委统战部",
                                                              "区委政法委",
                                                              "区纪委监委",
                                                              "区发展和改革局",
                                                              "区科学技术局",
                                                              "区工业和信息化局",
                                                              "区民政局",
                                                              "区司法局",
                                                              "区财政局",
                                                              "区人力资源和社会保障局",
                                                              "区自然资源局",
                                                              "区住房和城乡建设局",
                                                              "区城市管理局",
                                                              "区交通运输局",
                                                              "区水务局",
                                                              "区农业农村局",
                                                              "区商务局",
                                                              "区文化和旅游局",
                                                              "区退役军人事务局",
                                                              "区应急管理局",
                                                              "区审计局",
                                                              "区市场监督管理局",
                                                              "区统计局",
                                                              "区医疗保障局",
                                                              "区信访局",
                                                              "区行政审批服务局",
                                                              "区机关事务服务中心",
                                                              "区档案馆",
                                                              "区融媒体中心",
                                                              "区总工会",
                                                              "团区委",
                                                              "区妇联",
                                                              "区科协",
                                                              "区人民法院",
                                                              "区人民检察院",
                                                              "区税务局"};
inline constexpr std::array<std::string_view, 10> sub_units{
    "综合执法大队", "政务服务中心", "事务服务中心", "管理所",   "监测站",
    "保障中心",     "信息中心",     "稽查大队",     "指挥中心", "研究中心"};

// Company names: two brand characters + industry + legal form.
inline constexpr std::array<std::string_view, 30> brand_chars{
    "泉", "鲁", "齐", "华", "鑫", "恒", "泰", "瑞", "诚", "信", "达", "通", "宏", "远", "盛",
    "隆", "昌", "源", "博", "创", "正", "和", "安", "康", "润", "丰", "明", "德", "汇", "嘉"};
inline constexpr std::array<std::string_view, 25> industries{
    "科技",     "建设", "物业服务", "医药",     "食品",     "物流", "信息技术", "电子",     "机械",
    "文化传媒", "商贸", "环保",     "新能源",   "金融服务", "置业", "餐饮管理", "教育咨询", "检测",
    "工程设计", "软件", "电力工程", "汽车服务", "生物科技", "建材", "数据科技"};
inline constexpr std::array<std::string_view, 3> company_forms{"有限公司", "股份有限公司", "集团有限公司"};
inline constexpr std::array<std::string_view, 6> social_kinds{
    "律师事务所", "会计师事务所", "社会工作服务中心", "职业培训学校", "养老服务中心", "行业协会"};

// Branches of a hospital.
inline constexpr std::array<std::string_view, 8> hospital_branches{"内科",     "外科", "医技", "护理",
                                                                   "行政后勤", "门诊", "儿科", "药剂"};

// Posts (职务/岗位) by kind of unit.
inline constexpr std::array<std::string_view, 8> posts_government{
    "科员", "一级科员", "四级主任科员", "三级主任科员", "副科长", "科长", "副局长", "工勤人员"};
inline constexpr std::array<std::string_view, 7> posts_school{"教师",     "二级教师", "一级教师", "高级教师",
                                                              "教研组长", "教务主任", "副校长"};
inline constexpr std::array<std::string_view, 9> posts_hospital{
    "医师", "主治医师", "副主任医师", "主任医师", "护士", "护师", "主管护师", "护士长", "药师"};
inline constexpr std::array<std::string_view, 8> posts_enterprise{
    "职员", "技术员", "工程师", "高级工程师", "部门经理", "操作工", "班组长", "会计"};
inline constexpr std::array<std::string_view, 4> posts_community{"居民", "社区工作者", "楼长", "网格员"};
inline constexpr std::array<std::string_view, 3> posts_village{"村民", "村民小组长", "村委委员"};
inline constexpr std::array<std::string_view, 5> posts_social{"律师", "会计师", "社会工作者", "培训师",
                                                              "职员"};

// Portfolios of committee members (委员分工).
inline constexpr std::array<std::string_view, 6> portfolios{"组织委员", "宣传委员", "纪检委员",
                                                            "青年委员", "统战委员", "保密委员"};

// Native places (籍贯): mostly the province.
inline constexpr std::array<weighted, 24> native_places{{
    {"山东济南", 40}, {"山东德州", 6}, {"山东泰安", 6}, {"山东聊城", 5}, {"山东淄博", 5}, {"山东潍坊", 4},
    {"山东济宁", 4},  {"山东临沂", 4}, {"山东菏泽", 4}, {"山东滨州", 3}, {"山东东营", 2}, {"山东烟台", 2},
    {"山东青岛", 2},  {"山东莱芜", 3}, {"山东枣庄", 1}, {"山东威海", 1}, {"山东日照", 1}, {"河北沧州", 2},
    {"河南濮阳", 1},  {"江苏徐州", 1}, {"安徽宿州", 1}, {"北京", 0.5},   {"天津", 0.5},   {"山西长治", 0.5},
}};

// Districts and counties of 济南市 with their GB/T 2260 codes; codes of units renamed since (章丘市,
// 济阳县) appear in the ID numbers of people registered before the change.
struct district_code {
    std::string_view name;
    std::string_view code;
    int until_year;  ///< last birth year registered under this code; 9999 = current
};
inline constexpr std::array<district_code, 14> prefecture{{
    {"历下区", "370102", 9999},
    {"市中区", "370103", 9999},
    {"槐荫区", "370104", 9999},
    {"天桥区", "370105", 9999},
    {"历城区", "370112", 9999},
    {"长清区", "370113", 9999},
    {"章丘区", "370114", 9999},
    {"济阳区", "370115", 9999},
    {"莱芜区", "370116", 9999},
    {"钢城区", "370117", 9999},
    {"平阴县", "370124", 9999},
    {"商河县", "370126", 9999},
    {"章丘市", "370181", 2015},
    {"济阳县", "370125", 2017},
}};

// Mobile-phone prefixes.
inline constexpr std::array<std::string_view, 24> phone_prefixes{
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "158", "159", "166", "176", "177", "186", "187", "188", "199"};

}  // namespace dangyuan::sample::detail
