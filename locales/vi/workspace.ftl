## Officers' workspace: assignee, status moves, search, exports, phone layout

admin-error-status-reason = Vui lòng ghi lý do khi đóng hồ sơ hoặc lùi trạng thái.
admin-error-lead-erased = Hồ sơ này đã bị xóa dữ liệu, không xử lý tiếp được.
admin-assignee = Người xử lý
admin-assignee-none = Chưa ai nhận
admin-lead-step-back = Lùi về: { $status }
admin-lead-reason = Lý do (ghi vào lịch sử)
admin-lead-final-confirm = Chuyển hồ sơ sang «{ $status }»? Việc theo dõi hồ sơ sẽ kết thúc.
admin-lead-erased-no-workflow = Bà con đã xóa dữ liệu của hồ sơ này (hoặc đã hết hạn lưu): hồ sơ chỉ còn để thống kê, không xử lý tiếp được.
leads-status-erased = Đã xóa dữ liệu
leads-sector-other = Khác
admin-user-deactivate-confirm = Khóa tài khoản của { $name }? Người này bị đăng xuất ngay và không đăng nhập được nữa cho tới khi mở lại.
leads-col-officer-notes = Ghi chú của cán bộ
admin-export-count = Tệp tải về gồm đủ { $count } hồ sơ đang lọc, kèm ghi chú của cán bộ.
admin-export-starting = Đang chuẩn bị tệp { $total } hồ sơ…
admin-export-progress-rows = Đang tải { $done } / { $total } hồ sơ…
admin-export-progress-size = Đang tải tệp Excel { $total } hồ sơ… đã nhận { $size }
admin-export-done = Đã tải xong { $total } hồ sơ.
admin-export-failed = Tải tệp không thành công, vui lòng thử lại.
