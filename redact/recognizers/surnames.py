"""Chinese surnames (data): the single-character ones in use and the compound ones (复姓).

The single surnames are those of the 百家姓 that are still borne today, plus common modern
ones it lacks (肖, 付, 覃, 闫 …). A surname alone proves nothing: 于, 和, 向, 时, 文 are also
ordinary words, so recognizers use this list only next to other evidence (a context word,
a name column). ``split_surname`` prefers a compound surname: 欧阳明远 is 欧阳 + 明远, not
欧 + 阳明远.
"""

from __future__ import annotations

# 百家姓, single surnames, in the traditional order (a few archaic ones no longer in use are
# left out: 鬱, 卻, 厍, 乜 …).
_BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
    "戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐"
    "费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄"
    "和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁"
    "杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍"
    "虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓"
    "牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙"
    "叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻"
    "莘党翟谭贡劳逄姬申扶堵冉宰郦雍璩桑桂濮牛寿通边扈燕冀郏浦尚农温别"
    "庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国"
    "文寇广禄阙东欧殳沃利蔚越夔隆师巩聂晁勾敖融冷訾辛阚那简饶空曾毋沙"
    "养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公"
    # the single surnames among the 百家姓's last lines (晋楚, 闫法, 汝鄢 …)
    "晋楚闫法汝鄢涂钦岳帅缑亢况郈琴商牟佘佴伯赏墨哈谯笪年爱阳佟言福"
)

# Common today but not (or not in this form) in the 百家姓.
_MODERN = (
    "肖付代覃冼仝练粟揭谌邝麦兰植檀银达敬衣苟母降佀鲜才买亓兀展续蹇来"
    "芦修宾豆官原但区智闭楼苑由朴战尉南位信玉赫漆冶迟尧栗辜丛邸卿鹿门奉"
)

SINGLE_SURNAMES: frozenset[str] = frozenset(_BAIJIAXING + _MODERN)

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "皇甫", "东方", "令狐", "慕容", "尉迟", "端木",
        "公孙", "长孙", "宇文", "夏侯", "轩辕", "呼延", "独孤", "南宫", "西门", "司徒",
        "司空", "澹台", "公冶", "申屠", "太史", "钟离", "闻人", "万俟", "赫连", "拓跋",
        "百里", "东郭", "淳于", "单于", "鲜于", "闾丘", "宗政", "濮阳", "太叔", "公羊",
        "仲孙", "亓官", "司寇", "子车", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷",
        "公良", "夹谷", "宰父", "谷梁", "段干", "东门", "南门", "羊舌", "微生", "梁丘",
        "左丘", "第五", "贺兰", "完颜", "耶律", "纳兰", "爱新觉罗",
    }
)  # fmt: skip


def split_surname(name: str) -> tuple[str, str] | None:
    """(surname, given name) of a full name, or None if it does not start with a surname.

    A compound surname is preferred when one fits and leaves a given name (欧阳明远 →
    欧阳 + 明远); a single one otherwise. A minority name written with a middle dot
    (米热古丽·依明) or a Tibetan name (次仁卓玛, 达瓦旦增) has no surname in this sense and
    gives None, as does a lone surname.
    """
    name = name.strip()
    if "·" in name or "•" in name or "・" in name:
        return None
    if len(name) == 4 and name[:2] in TIBETAN_NAME_PARTS and name[2:] in TIBETAN_NAME_PARTS:
        return None  # 达瓦旦增 is two name elements, not 达 + 瓦旦增
    for length in sorted({len(s) for s in COMPOUND_SURNAMES}, reverse=True):
        if len(name) > length and name[:length] in COMPOUND_SURNAMES:
            return name[:length], name[length:]
    if len(name) > 1 and name[0] in SINGLE_SURNAMES:
        return name[0], name[1:]
    return None


# Tibetan personal names have no surname: they are two of these common elements (扎西 + 次仁,
# 尼玛 + 卓玛). One element alone is too ambiguous to be taken for a name.
TIBETAN_NAME_PARTS: frozenset[str] = frozenset(
    {
        "扎西", "次仁", "格桑", "旦增", "丹增", "索朗", "索南", "达瓦", "尼玛", "平措",
        "拉巴", "普布", "多吉", "卓玛", "央金", "德吉", "曲珍", "白玛", "边巴", "强巴",
        "洛桑", "顿珠", "罗布", "次旦", "巴桑", "米玛", "益西", "拉姆", "卓嘎", "仁增",
        "措姆", "玉珍", "桑珠", "琼达", "旺堆", "贡布", "群培", "阿旺", "嘎玛", "晋美",
        "土登", "欧珠", "加措", "嘉措", "才旦", "扎巴", "德央", "次珍", "拉珍", "旺姆",
    }
)  # fmt: skip

# Historical and political figures: their names are not personal data that a document
# discloses, and phrases made from them (孙中山先生, 雷锋同志) are not about a private person.
FAMOUS_NAMES: frozenset[str] = frozenset(
    {
        "毛泽东", "邓小平", "孙中山", "鲁迅", "雷锋", "周恩来", "朱德", "刘少奇", "陈云",
        "任弼时", "李大钊", "陈独秀", "瞿秋白", "方志敏", "杨靖宇", "赵一曼", "左权",
        "彭德怀", "贺龙", "聂荣臻", "叶剑英", "徐向前", "焦裕禄", "孔繁森", "杨善洲",
        "谷文昌", "岳飞", "屈原", "李白", "杜甫", "包拯", "诸葛亮", "张骞", "郑和", "林则徐",
        "钱学森", "袁隆平", "黄大年", "王进喜", "张思德", "白求恩", "董存瑞", "黄继光",
        "邱少云", "刘胡兰", "江竹筠", "习近平", "胡锦涛", "江泽民", "温家宝", "李克强",
        "朱镕基", "李鹏", "华国锋", "胡耀邦", "孔子", "孟子", "老子", "秦始皇", "关羽",
    }
)  # fmt: skip
