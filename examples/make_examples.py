"""Builds the example documents in examples/ (run: .venv/bin/python examples/make_examples.py).

All people, numbers and places in them are invented; the ID and card numbers are made valid
by computing their check characters here, so that the examples exercise the checksums.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from stdnum.cn import uscc

HERE = Path(__file__).parent


def id_number(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


def luhn_complete(prefix: str) -> str:
    digits = [int(c) for c in prefix]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return prefix + str((10 - total % 10) % 10)


def uscc_complete(first17: str) -> str:
    return first17 + uscc.calc_check_digit(first17)


NOTICE = [
    "天津市滨海新区人民政府文件",
    "津滨政发〔2023〕15号",
    "关于征收滨海新区大港街道东村集体土地的公告",
    "各有关单位、被征收土地所在村集体经济组织和村民：",
    "根据《中华人民共和国土地管理法》第四十七条的规定，经天津市人民政府批准，"
    "现将征收大港街道东村集体土地有关事项公告如下：",
    "一、征收范围：东至港东路，西至兴港路，南至东村三组，北至规划中的海防路，面积12.35公顷。",
    "二、补偿标准按照津政规〔2022〕3号执行，土地补偿费总额为人民币3,456,789.00元。",
    f"三、被征收土地涉及农户张建国（公民身份号码{id_number('12011619650312003')}，"
    "联系电话13920231234），补偿款已存入其银行卡"
    f"{luhn_complete('621700123456789012')}。",
    "四、对本公告有异议的，可在公告之日起十日内向滨海新区规划和自然资源局提出，"
    "联系电话022-25201234，邮箱tdzs@bhxq.example.cn，或拨打12345政务服务热线。",
    f"实施单位统一社会信用代码：{uscc_complete('91120116MA05JXXE4')}。",
    "天津市滨海新区人民政府",
    "2023年6月12日",
    "（此件公开发布）",
]

REQUEST = [
    "秘密★5年",
    "津滨卫发〔2009〕7号",
    "关于申请追加2009年度甲型H1N1流感防控经费的请示",
    "区人民政府：",
    "今年以来，我区发现疑似病例3例，其中患者李秀英（身份证号120107580612002）"
    "住院治疗，家属联系电话022-25881234。",
    "为做好防控工作，特申请追加防控经费人民币伍拾万元整。",
    "妥否，请批示。",
    "滨海新区卫生局",
    "二〇〇九年六月二十日",
]

MINUTES = [
    "市政府常务会议纪要",
    "第12次",
    "2021年4月8日，市长主持召开市政府常务会议，研究讨论了城市更新行动方案等事项。",
    "会议认为，方案总体可行，但拆迁补偿标准尚需进一步研究，会议讨论中存在不同意见。",
    "会议议定：由市住房城乡建设委牵头，会同有关部门进一步修改完善后再提交会议审议。",
    "出席：市政府领导班子成员。",
    "记录人：刘晓东，手机+86 138 2233 4455。",
]


def write_docx(path: Path, lines: list[str]) -> None:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.core_properties.author = "办公室 赵文书"
    doc.save(path)


def write_txt_gbk(path: Path, lines: list[str]) -> None:
    path.write_bytes("\r\n".join(lines).encode("gbk"))


def write_pdf(path: Path, lines: list[str]) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        for chunk_start in range(0, len(line), 44):
            c.drawString(50, y, line[chunk_start : chunk_start + 44])
            y -= 18
    c.save()


def main() -> None:
    write_docx(HERE / "关于征收土地的公告.docx", NOTICE)
    write_txt_gbk(HERE / "关于追加防控经费的请示.gbk.txt", REQUEST)
    write_pdf(HERE / "常务会议纪要.pdf", MINUTES)


if __name__ == "__main__":
    main()
