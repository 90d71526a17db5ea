// Mock <boost/thread/thread.hpp>: the sleeps of boost::this_thread.
#ifndef BOUNDWISE_MOCK_BOOST_THREAD_THREAD_HPP
#define BOUNDWISE_MOCK_BOOST_THREAD_THREAD_HPP
#include <chrono>

namespace boost {
namespace posix_time {
class time_duration {};
class milliseconds : public time_duration {
public:
  explicit milliseconds(long ms);
};
} // namespace posix_time

namespace this_thread {
void sleep(const posix_time::time_duration &duration);
template <class Rep, class Period>
void sleep_for(const std::chrono::duration<Rep, Period> &duration) {}
void yield() noexcept;
} // namespace this_thread
} // namespace boost

#endif
