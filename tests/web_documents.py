"""Documents for the web app's tests, made by python-docx and reportlab (``docmakers``)."""

from __future__ import annotations

from pathlib import Path

from tests.docmakers import make_docx, make_pdf

NAME, ID_CARD, PHONE = "李秀英", "110105196803150038", "13812345678"
NICKNAME = "虎子"  # a child's pet name: no analyzer finds it; the officer adds it
NOTICE = [
    "关于发放2023年度困难群众临时救助金的通知",
    "各街道办事处：",
    f"经审核，申请人{NAME}（身份证号{ID_CARD}，联系电话{PHONE}）符合临时救助条件，"
    "救助金打入其银行卡6222021234567890128。",
    "其家庭住址为北京市朝阳区望京街道花家地北里5号楼3单元402室。",
    f"其子小名{NICKNAME}，现就读于本区实验小学。",
    "北京市朝阳区民政局",
    "2023年5月8日",
]


def notice_docx(folder: Path, name: str = "救助通知.docx") -> Path:
    return make_docx(folder / name, NOTICE)


def notice_pdf(folder: Path, name: str = "救助通知.pdf") -> Path:
    return make_pdf(folder / name, [NOTICE])
