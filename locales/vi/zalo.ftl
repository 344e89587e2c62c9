# Answers of the Zalo webhook to a caller that is not Zalo or sends something unreadable.
zalo-webhook-forbidden = Không có quyền gửi vào địa chỉ này.
zalo-webhook-bad-body = Nội dung gửi đến không đọc được. Vui lòng gửi đúng định dạng tin nhắn Zalo.
zalo-webhook-too-large = Nội dung gửi đến quá lớn.
