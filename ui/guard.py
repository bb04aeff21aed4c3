"""The optional password that guards changes when the app is opened to a network.

When the environment variable ``CCHC_APP_PASSWORD`` is set (non-empty),
uploading a plan, removing one and drafting next year's plan first ask for
it; reading (chat, tasks, comparison) stays open. The password is checked
with :func:`hmac.compare_digest` and remembered for the browser session
(:data:`UNLOCKED_KEY`). Unset: nothing is asked (the app binds 127.0.0.1 by
default, see ``.streamlit/config.toml``).
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

PASSWORD_ENV = "CCHC_APP_PASSWORD"
UNLOCKED_KEY = "guard_unlocked"


def password_required() -> bool:
    """True when ``CCHC_APP_PASSWORD`` is set and this session has not given it yet."""
    return bool(os.environ.get(PASSWORD_ENV)) and not st.session_state.get(UNLOCKED_KEY)


def unlocked(what: str, key: str) -> bool:
    """True when the guarded action ``what`` ("nạp, gỡ kế hoạch") may run.

    Without a password set, always True. Otherwise draws a password box and
    an "Mở khóa" button (widget keys ``{key}_password``/``{key}_unlock``)
    and returns True once the right password was given in this session; a
    wrong one shows "Mật khẩu không đúng."."""
    if not password_required():
        return True
    st.info(f"Cần mật khẩu quản trị để {what}.", icon=":material/lock:")
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    typed = c1.text_input("Mật khẩu", type="password", key=f"{key}_password")
    if c2.button("Mở khóa", key=f"{key}_unlock", icon=":material/lock_open:"):
        if hmac.compare_digest(typed.encode("utf-8"), os.environ[PASSWORD_ENV].encode("utf-8")):
            st.session_state[UNLOCKED_KEY] = True
            st.rerun()
        st.error("Mật khẩu không đúng.")
    return False
