# Shared texts used by every feature. Vietnamese, short, polite, for farmers on small screens.
app-name = Trợ lý HTX
webhook-bad-request = Yêu cầu không hợp lệ: cần một bản tin cập nhật (update) JSON của Telegram, dưới 256 KB.
error-internal = Xin lỗi bà con, hệ thống đang trục trặc một chút. Bà con thử lại sau ít phút nha.
http-not-found = Không có trang hay địa chỉ này. Bà con mở lại trang trò chuyện hoặc nhắn cán bộ nha.
