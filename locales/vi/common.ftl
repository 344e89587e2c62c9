# Shared texts used by every feature. Vietnamese, short, polite, for farmers on small screens.
app-name = Trợ lý HTX
error-internal = Xin lỗi bà con, hệ thống đang trục trặc một chút. Bà con thử lại sau ít phút nha.
